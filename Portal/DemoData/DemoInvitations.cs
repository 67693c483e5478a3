using Portal.Features.Invitations;
using Portal.Features.Letters;

namespace Portal.DemoData;

/// <summary>
/// The follow-up meeting as KKTT prepares it: every organization of the workshop but KKTT invited through its contacts,
/// the invitations sent three days ago, and some answers in — so a newcomer sees the whole cycle on one meeting.
/// </summary>
public static class DemoInvitations
{
    /// <summary>Answers already received, by organization; everyone else has not answered yet.</summary>
    public static readonly IReadOnlyDictionary<string, InvitationAnswerForm> Answers = new Dictionary<string, InvitationAnswerForm>
    {
        [DemoOrganizations.WorldBank] = new() { Status = InvitationStatus.Attending },
        ["KKMC"] = new() { Status = InvitationStatus.Attending },
        [DemoOrganizations.Kku] = new()
        {
            Status = InvitationStatus.Representative,
            RepresentativeName = "นางสาวพิมพ์ชนก ศรีสุข",
            RepresentativePosition = "นักวิจัย คณะสถาปัตยกรรมศาสตร์ มหาวิทยาลัยขอนแก่น",
            RepresentativeContact = "pimchanok.s@kku.demo",
        },
        ["KKCC"] = new() { Status = InvitationStatus.Declined, DeclineReason = "ติดภารกิจประชุมคณะกรรมการหอการค้าไทยที่กรุงเทพมหานคร" },
    };

    public static InvitationLetterText LetterText(int meetingId) => new()
    {
        MeetingId = meetingId,
        ReferenceTh = "รายงานการประชุมเชิงปฏิบัติการ ครั้งที่ 1/2567 วันที่ 31 กรกฎาคม 2567",
        ReferenceEn = "Minutes of the workshop, meeting No. 1/2024, 31 July 2024",
        PurposeTh = "เพื่อติดตามความคืบหน้าของข้อตกลงจากการประชุมเชิงปฏิบัติการ และร่วมกำหนดแผนการดำเนินงานระยะต่อไปของความร่วมมือ",
        PurposeEn = "The meeting will follow up the commitments made at the workshop and agree the partnership's next steps together.",
    };
}
