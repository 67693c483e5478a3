using Portal.Features.ActionItems;

namespace Portal.DemoData;

/// <summary>
/// The commitments that came out of the workshop, due dates counted from the day the demo is loaded so that the
/// dashboard always shows one overdue, some due soon and one done.
/// </summary>
public static class DemoActionItems
{
    public sealed record Entry(
        ActionItem Item, string[] Owners, string? AssigneeGivenNameEn, bool FromWorkshop, int? AgendaPosition, int? DueInDays,
        (string Author, string Text, ActionStatus? To)[] Updates);

    public const string WorldBankReportTitleEn = "World Bank shares the full Thailand Economic Monitor report and its secondary-city data with KKTT";
    public const string DigitalTokenTitleEn = "Follow up KKTT's application for a Khon Kaen digital token";

    public static IReadOnlyList<Entry> All() =>
    [
        new(new ActionItem
            {
                TitleTh = "ธนาคารโลกส่งรายงานตามติดเศรษฐกิจไทยฉบับเต็มและข้อมูลเมืองรองให้ KKTT",
                TitleEn = WorldBankReportTitleEn,
                DescriptionTh = "รายงาน *Thailand Economic Monitor, July 2024: Unlocking the Growth Potential of Secondary Cities* ฉบับเต็ม และชุดข้อมูลเมืองรองที่ใช้ในรายงาน",
                DescriptionEn = "The full *Thailand Economic Monitor, July 2024: Unlocking the Growth Potential of Secondary Cities* and the secondary-city data behind it.",
                Priority = ActionPriority.High, Status = ActionStatus.InProgress,
            },
            [DemoOrganizations.WorldBank], "Melinda", true, 2, 10,
            [("partner.worldbank@kktt.demo", "ส่งลิงก์รายงานฉบับเต็มให้ KKTT แล้ว กำลังรวบรวมชุดข้อมูลเมืองรอง", ActionStatus.InProgress)]),
        new(new ActionItem
            {
                TitleTh = "KKTT จัดทำแนวคิดโครงการ Funding City เพื่อให้ธนาคารโลกพิจารณา",
                TitleEn = "KKTT prepares a Funding City concept note for the World Bank's review",
                Priority = ActionPriority.High, Status = ActionStatus.Open,
            },
            [DemoOrganizations.Kktt], "Suradech", true, 4, 5,
            [("staff@kktt.demo", "เริ่มร่างโครงร่างแนวคิด นัดหารือภายในสัปดาห์หน้า", null)]),
        new(new ActionItem
            {
                TitleTh = "มหาวิทยาลัยขอนแก่นและ CMKL เสนอโครงการปัญญาประดิษฐ์เพื่อเศรษฐกิจสังคม",
                TitleEn = "KKU and CMKL propose an AI programme for the social economy",
                Priority = ActionPriority.Normal, Status = ActionStatus.Open,
            },
            [DemoOrganizations.Kku, DemoOrganizations.Cmkl], "Wanida", false, 2, 45,
            [("staff@kktt.demo", "นัดประชุมหารือร่วมกับสถาบันวิศวกรรมปัญญาประดิษฐ์ (CMKL)", null)]),
        new(new ActionItem
            {
                TitleTh = "KKTT ติดตามการยื่นขอเหรียญโทเคนดิจิทัลของจังหวัดขอนแก่น",
                TitleEn = DigitalTokenTitleEn,
                Priority = ActionPriority.Urgent, Status = ActionStatus.Blocked,
            },
            [DemoOrganizations.Kktt], "Suradech", true, 3, -12,
            [("staff@kktt.demo", "ยื่นเอกสารเพิ่มเติมแล้ว", ActionStatus.InProgress), ("staff@kktt.demo", "รอผลการพิจารณาจากหน่วยงานกำกับ", ActionStatus.Blocked)]),
        new(new ActionItem
            {
                TitleTh = "KKTT ส่งรายงานการประชุมและรายชื่อผู้เข้าร่วมให้หน่วยงานที่เข้าร่วม",
                TitleEn = "KKTT sends the minutes and the attendance list to the participating organizations",
                Priority = ActionPriority.Normal, Status = ActionStatus.Done,
            },
            [DemoOrganizations.Kktt], "Suradech", true, null, -90,
            [("coordinator@kktt.demo", "ส่งรายงานการประชุมทางอีเมลถึงผู้เข้าร่วมทั้ง 19 หน่วยงานแล้ว", ActionStatus.Done)]),
    ];
}
