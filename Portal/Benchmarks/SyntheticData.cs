using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Benchmarks;

/// <summary>
/// A large made-up data set for measuring lists and searches: 2,000 organizations, 20,000 people, 10,000 meetings and
/// 100,000 action items by default, 50,000 attendances (five people at each meeting, for the engagement report) and the
/// completion of every done item, with Thai and English names built from syllables, saved through the data context
/// (so search text and the audit log are filled as for real records).
/// </summary>
public static class SyntheticData
{
    public sealed record Counts(int Organizations = 2_000, int People = 20_000, int Meetings = 10_000, int ActionItems = 100_000, int Attendees = 50_000);

    private static readonly string[] ThaiParts = ["ขอน", "แก่น", "พัฒนา", "เมือง", "สมาร์ท", "ชุมชน", "ดิจิทัล", "เศรษฐกิจ", "ขนส่ง", "สุขภาพ", "การศึกษา", "ราง", "น้ำ", "ป่า", "ทุ่ง", "ศิลป์"];
    private static readonly string[] EnglishParts = ["Khon", "Kaen", "Urban", "Smart", "Civic", "Digital", "Transit", "Health", "Learning", "Rail", "River", "Forest", "Field", "Arts", "Data", "Works"];
    private static readonly string[] GivenTh = ["สมชาย", "สมหญิง", "วนิดา", "ธนา", "ปรีชา", "กมล", "อรุณ", "นภา", "ศักดิ์", "มาลี"];
    private static readonly string[] FamilyTh = ["ใจดี", "ทองคำ", "ศรีสุข", "มั่นคง", "วงศ์ไทย", "แสงทอง", "บุญมา", "พรหมมา"];
    private static readonly string[] GivenEn = ["Somchai", "Somying", "Wanida", "Thana", "Preecha", "Kamol", "Arun", "Napa", "Sak", "Malee"];
    private static readonly string[] FamilyEn = ["Jaidee", "Thongkham", "Srisuk", "Mankong", "Wongthai", "Saengthong", "Boonma", "Prommar"];

    private static string Name(string[] parts, int n, string separator) =>
        string.Join(separator, parts[n % parts.Length], parts[n / parts.Length % parts.Length], parts[n / (parts.Length * parts.Length) % parts.Length]);

    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> dbFactory, Counts counts, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var random = new Random(2567);
        var organizationIds = await InsertAsync(dbFactory, counts.Organizations, i => new Organization
        {
            NameTh = $"{Name(ThaiParts, i, "")} {i + 1}", NameEn = $"{Name(EnglishParts, i, " ")} {i + 1}", Acronym = $"SYN{i + 1}",
            Kind = (OrganizationKind)(i % Enum.GetValues<OrganizationKind>().Length), Province = "ขอนแก่น",
        }, o => o.Id, "organizations", progress, cancellationToken);
        var personOrganizations = new List<int>(counts.People);
        var personIds = await InsertAsync(dbFactory, counts.People, i => new Person
        {
            GivenNameTh = GivenTh[i % GivenTh.Length] + (i + 1), FamilyNameTh = FamilyTh[i / GivenTh.Length % FamilyTh.Length],
            GivenNameEn = GivenEn[i % GivenEn.Length] + (i + 1), FamilyNameEn = FamilyEn[i / GivenEn.Length % FamilyEn.Length],
            PositionTh = "ผู้อำนวยการ", PositionEn = "Director", OrganizationId = Remember(personOrganizations, organizationIds[random.Next(organizationIds.Count)]),
        }, p => p.Id, "people", progress, cancellationToken);
        var start = new DateOnly(2020, 1, 1);
        var meetingIds = await InsertAsync(dbFactory, counts.Meetings, i => new Meeting
        {
            TitleTh = $"ประชุม{Name(ThaiParts, i, "")} ครั้งที่ {i + 1}", TitleEn = $"{Name(EnglishParts, i, " ")} meeting {i + 1}",
            Date = start.AddDays(i % 2500), StartTime = new TimeOnly(9 + i % 8, 0), RoomTh = "ห้องประชุม " + (i % 20 + 1), RoomEn = "Room " + (i % 20 + 1),
            HostOrganizationId = organizationIds[random.Next(organizationIds.Count)],
            MinutesStatus = i % 2 == 0 ? MinutesStatus.Draft : MinutesStatus.InReview, // approved minutes need their frozen version
        }, m => m.Id, "meetings", progress, cancellationToken);
        // Each meeting in turn gets the next of the attendances, different people at one meeting, most present.
        var perMeeting = meetingIds.Count == 0 ? 0 : (counts.Attendees + meetingIds.Count - 1) / meetingIds.Count;
        await InsertAsync(dbFactory, Math.Min(counts.Attendees, perMeeting * meetingIds.Count), i =>
        {
            var person = (i / perMeeting * 7919 + i % perMeeting * 104_729) % personIds.Count;
            return new Attendee
            {
                MeetingId = meetingIds[i / perMeeting], PersonId = personIds[person], OrganizationId = personOrganizations[person],
                Status = i % 10 == 9 ? AttendanceStatus.Absent : i % 10 == 8 ? AttendanceStatus.OnBehalf : AttendanceStatus.Present,
            };
        }, a => a.Id, "attendees", progress, cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await InsertAsync(dbFactory, counts.ActionItems, i => new ActionItem
        {
            TitleTh = $"ติดตาม{Name(ThaiParts, i, "")} รายการ {i + 1}", TitleEn = $"Follow up {Name(EnglishParts, i, " ")} {i + 1}",
            MeetingId = meetingIds[random.Next(meetingIds.Count)], AssigneeId = personIds[random.Next(personIds.Count)],
            DueDate = today.AddDays(random.Next(-200, 200)), Priority = (ActionPriority)(i % Enum.GetValues<ActionPriority>().Length),
            Status = (ActionStatus)(i % Enum.GetValues<ActionStatus>().Length),
            Owners = [new ActionItemOwner { OrganizationId = organizationIds[random.Next(organizationIds.Count)] }],
            // Done items record when they were done, some before their due date and some after.
            Updates = (ActionStatus)(i % Enum.GetValues<ActionStatus>().Length) == ActionStatus.Done
                ? [new ActionItemUpdate { Text = "", StatusFrom = ActionStatus.InProgress, StatusTo = ActionStatus.Done, AuthorName = "synthetic",
                    At = DateTime.UtcNow.AddDays(random.Next(-400, 0)) }]
                : [],
        }, a => a.Id, "action items", progress, cancellationToken);
    }

    private static int Remember(List<int> list, int value)
    {
        list.Add(value);
        return value;
    }

    /// <summary>Inserts in batches of a few thousand, each batch in its own short-lived context.</summary>
    private static async Task<List<int>> InsertAsync<T>(IDbContextFactory<PortalDbContext> dbFactory, int count, Func<int, T> make, Func<T, int> idOf,
        string what, Action<string> progress, CancellationToken cancellationToken) where T : class
    {
        const int batch = 2_000;
        var ids = new List<int>(count);
        for (var first = 0; first < count; first += batch)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rows = Enumerable.Range(first, Math.Min(batch, count - first)).Select(make).ToList();
            db.Set<T>().AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            ids.AddRange(rows.Select(idOf));
            progress($"{what}: {ids.Count:N0} of {count:N0}");
        }
        return ids;
    }
}
