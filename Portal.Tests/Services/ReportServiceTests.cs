using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Features.Reports;

namespace Portal.Tests.Services;

/// <summary>
/// The engagement report's figures over a small hand-made data set in 2021 (C.E.), where the demo data has nothing, so
/// every count is known: period boundaries, attendance that does not count, done on time against late, overdue, one organization.
/// </summary>
public class ReportServiceTests : IAsyncLifetime
{
    private static readonly ReportQuery Year2021 = new(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31));
    private PortalHost host = null!;
    private int a, b, c, d;
    private int m1, m3;
    private ReportService Reports => host.Get<ReportService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Organization Org(string name, OrganizationKind kind) => db.Organizations.Add(new Organization { NameTh = name + " ไทย", NameEn = name, Acronym = name, Kind = kind }).Entity;
        var orgA = Org("RPTA", OrganizationKind.University);
        var orgB = Org("RPTB", OrganizationKind.Bank);
        var orgC = Org("RPTC", OrganizationKind.University);
        await db.SaveChangesAsync();
        (a, b, c) = (orgA.Id, orgB.Id, orgC.Id);
        Person Person(string given, int? organization) => db.People.Add(new Person
            { GivenNameTh = given, FamilyNameTh = "ทดสอบ", GivenNameEn = given, FamilyNameEn = "Test", OrganizationId = organization }).Entity;
        var p1 = Person("Pone", a);
        var p2 = Person("Ptwo", a);
        var p3 = Person("Pthree", b);
        var p4 = Person("Pfour", c);
        var p5 = Person("Pfive", null);
        await db.SaveChangesAsync();
        Attendee Came(Person p, int? organization, AttendanceStatus status = AttendanceStatus.Present) =>
            new() { PersonId = p.Id, OrganizationId = organization, Status = status };
        Meeting Meeting(DateOnly date, MeetingKind kind, int host, params Attendee[] attendees) => db.Meetings.Add(new Meeting
            { TitleTh = $"ประชุมรายงาน {date}", TitleEn = $"Report meeting {date}", Date = date, StartTime = new TimeOnly(9, 0), Kind = kind, HostOrganizationId = host, Attendees = [.. attendees] }).Entity;
        // On the first and last day of the period, the day before and the day after, and one deleted.
        var meeting1 = Meeting(new DateOnly(2021, 1, 1), MeetingKind.Workshop, a, Came(p1, a), Came(p2, a, AttendanceStatus.OnBehalf), Came(p3, b), Came(p5, null));
        var meeting2 = Meeting(new DateOnly(2021, 12, 31), MeetingKind.SiteVisit, b, Came(p3, b), Came(p4, c, AttendanceStatus.Absent));
        var meeting3 = Meeting(new DateOnly(2020, 12, 31), MeetingKind.Workshop, b, Came(p1, a));
        Meeting(new DateOnly(2022, 1, 1), MeetingKind.Seminar, c, Came(p4, c));
        var deleted = Meeting(new DateOnly(2021, 6, 1), MeetingKind.Consultation, a, Came(p1, a));
        deleted.DeletedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        (m1, m3) = (meeting1.Id, meeting3.Id);

        ActionItem Item(string title, ActionStatus status, DateOnly? due, int? meeting, int owner, params DateTime[] doneAt)
        {
            var item = db.ActionItems.Add(new ActionItem
            {
                TitleTh = title, TitleEn = title, Status = status, DueDate = due, MeetingId = meeting, Owners = [new ActionItemOwner { OrganizationId = owner }],
                Updates = [.. doneAt.Select(at => new ActionItemUpdate { Text = "", StatusFrom = ActionStatus.InProgress, StatusTo = ActionStatus.Done, AuthorName = "test", At = at })],
            }).Entity;
            return item;
        }
        var dueFeb = new DateOnly(2021, 2, 1);
        // 16:59 UTC is 23:59 in Bangkok on the due date (on time); 17:00 UTC is already the next day there (late).
        Item("I1 on time at the last minute", ActionStatus.Done, dueFeb, m1, a, new DateTime(2021, 2, 1, 16, 59, 0, DateTimeKind.Utc));
        Item("I2 late by a minute", ActionStatus.Done, dueFeb, m1, a, new DateTime(2021, 2, 1, 17, 0, 0, DateTimeKind.Utc));
        Item("I3 done, no due date", ActionStatus.Done, null, m1, b);
        Item("I4 done, no date recorded", ActionStatus.Done, dueFeb, m1, b);
        Item("I5 overdue", ActionStatus.Open, new DateOnly(2021, 3, 1), m1, a);
        Item("I6 open, due later", ActionStatus.InProgress, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), meeting2.Id, a);
        Item("I7 cancelled", ActionStatus.Cancelled, dueFeb, m1, b);
        // Done on time, reopened, done again late: the latest completion counts.
        Item("I8 done again late", ActionStatus.Done, dueFeb, m1, a, new DateTime(2021, 1, 20, 3, 0, 0, DateTimeKind.Utc), new DateTime(2021, 3, 1, 3, 0, 0, DateTimeKind.Utc));
        Item("I9 from a meeting before the period", ActionStatus.Done, dueFeb, m3, a);
        Item("I10 raised outside a meeting, due on the last day", ActionStatus.Open, new DateOnly(2021, 12, 31), null, c);
        Item("I11 raised outside a meeting, due the day after", ActionStatus.Open, new DateOnly(2022, 1, 1), null, c);
        Item("I12 deleted", ActionStatus.Open, dueFeb, m1, a).DeletedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Meetings_engagement_and_attendance_count_what_was_attended_within_the_period()
    {
        var report = await Reports.EngagementAsync(Year2021);

        Assert.Equal([(MeetingKind.Workshop, 1), (MeetingKind.SiteVisit, 1), (MeetingKind.Consultation, 0), (MeetingKind.CourtesyVisit, 0), (MeetingKind.Seminar, 0)],
            report.Meetings.Select(m => (m.Kind, m.Held)).OrderBy(m => m.Kind != MeetingKind.Workshop).ThenBy(m => m.Kind != MeetingKind.SiteVisit).ThenBy(m => m.Kind));
        Assert.Equal(2, report.MeetingsHeld);
        Assert.Equal(0, report.MeetingsPlanned);
        // Present and on-behalf count, absent does not; a person without an organization is a person engaged, under no type.
        Assert.Equal(2, report.OrganizationsEngaged);
        Assert.Equal(4, report.PeopleEngaged);
        Assert.Equal([(OrganizationKind.University, 1, 2), (OrganizationKind.Bank, 1, 1), ((OrganizationKind?)null, 0, 1)],
            report.Engaged.Select(e => (e.Kind, e.Organizations, e.People)).OrderBy(e => e.Kind is null).ThenBy(e => e.Kind != OrganizationKind.University));
        Assert.Equal([("RPTB", 2, 1, new DateOnly(2021, 12, 31)), ("RPTA", 1, 2, new DateOnly(2021, 1, 1))],
            report.Attendance.Select(p => (p.Acronym!, p.Meetings, p.People, p.LastAttended)));
    }

    [Fact]
    public async Task Commitments_are_done_on_time_late_undated_overdue_open_or_cancelled_by_Bangkok_dates()
    {
        var c = (await Reports.EngagementAsync(Year2021)).Commitments;

        Assert.Equal((2, 2, 1, 2, 1, 1), (c.DoneOnTime, c.DoneLate, c.DoneUndated, c.Overdue, c.Open, c.Cancelled));
        Assert.Equal(9, c.Made);
        Assert.Equal(5, c.Done);
        Assert.Equal(40, c.OnTimePercent);
    }

    [Fact]
    public async Task The_latest_move_to_Done_decides_on_time_or_late_whatever_the_order_of_updates_and_reopenings()
    {
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var owner = db.Organizations.Add(new Organization { NameTh = "RPTD ไทย", NameEn = "RPTD", Acronym = "RPTD", Kind = OrganizationKind.Bank }).Entity;
            await db.SaveChangesAsync();
            static DateTime Utc(int month, int day, int hour = 3) => new(2021, month, day, hour, 0, 0, DateTimeKind.Utc);
            static ActionItemUpdate Move(ActionStatus? to, DateTime at) =>
                new() { Text = "", StatusFrom = to == ActionStatus.Done ? ActionStatus.InProgress : ActionStatus.Done, StatusTo = to, AuthorName = "test", At = at };
            void Item(string title, ActionStatus status, DateOnly? due, params ActionItemUpdate[] updates) => db.ActionItems.Add(new ActionItem
                { TitleTh = title, TitleEn = title, Status = status, DueDate = due, MeetingId = m1, Owners = [new ActionItemOwner { OrganizationId = owner.Id }], Updates = [.. updates] });
            var dueFeb = new DateOnly(2021, 2, 1);
            // The later completion stored first: the latest by date counts, not the last written.
            Item("J1 late, updates out of order", ActionStatus.Done, dueFeb, Move(ActionStatus.Done, Utc(3, 1)), Move(ActionStatus.Done, Utc(1, 20)));
            // Done, reopened, done again on the due date (23:00 in Bangkok); a later comment without a move does not count.
            Item("J2 on time after a reopening", ActionStatus.Done, dueFeb, Move(ActionStatus.Done, Utc(1, 10)), Move(ActionStatus.InProgress, Utc(1, 15)),
                Move(ActionStatus.Done, Utc(2, 1, 16)), Move(null, Utc(3, 5)));
            // Reopened and still open: its old completion does not make it done.
            Item("J3 reopened, overdue", ActionStatus.InProgress, dueFeb, Move(ActionStatus.Done, Utc(1, 10)), Move(ActionStatus.InProgress, Utc(1, 15)));
            Item("J4 reopened, due later", ActionStatus.Open, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), Move(ActionStatus.Done, Utc(1, 10)), Move(ActionStatus.Open, Utc(1, 15)));
            // Marked done with no update moving it to Done: undated, even though other updates have dates.
            Item("J5 done without a dated move", ActionStatus.Done, dueFeb, Move(ActionStatus.InProgress, Utc(1, 5)));
            Item("J6 done twice, no due date", ActionStatus.Done, null, Move(ActionStatus.Done, Utc(1, 10)), Move(ActionStatus.InProgress, Utc(1, 15)), Move(ActionStatus.Done, Utc(6, 1)));
            // On time first, then reopened and done twice more, both late.
            Item("J7 late twice after a reopening", ActionStatus.Done, dueFeb, Move(ActionStatus.Done, Utc(1, 10)), Move(ActionStatus.InProgress, Utc(1, 15)),
                Move(ActionStatus.Done, Utc(2, 3)), Move(ActionStatus.Done, Utc(2, 10)));
            await db.SaveChangesAsync();
            d = owner.Id;
        }

        var c = (await Reports.EngagementAsync(Year2021 with { OrganizationId = d })).Commitments;

        Assert.Equal((2, 2, 1, 1, 1, 0), (c.DoneOnTime, c.DoneLate, c.DoneUndated, c.Overdue, c.Open, c.Cancelled));
        // The timeline reads the same latest completion.
        var states = (await Reports.TimelineAsync(d)).Where(e => e.Kind == TimelineKind.Commitment).ToDictionary(e => e.Title.En![..2], e => e.State);
        Assert.Equal(new Dictionary<string, TimelineState>
        {
            ["J1"] = TimelineState.DoneLate, ["J2"] = TimelineState.Done, ["J3"] = TimelineState.Overdue, ["J4"] = TimelineState.Open,
            ["J5"] = TimelineState.Done, ["J6"] = TimelineState.Done, ["J7"] = TimelineState.DoneLate,
        }, states);
    }

    [Fact]
    public async Task One_organization_counts_its_own_meetings_people_and_commitments()
    {
        var report = await Reports.EngagementAsync(Year2021 with { OrganizationId = a });

        Assert.Equal("RPTA", report.Organization!.En);
        Assert.Equal(1, report.MeetingsHeld);
        Assert.Equal((1, 2), (report.OrganizationsEngaged, report.PeopleEngaged));
        var type = Assert.Single(report.Engaged);
        Assert.Equal((OrganizationKind.University, 1, 2), (type.Kind, type.Organizations, type.People));
        Assert.Equal(("RPTA", 1, 2), report.Attendance.Select(p => (p.Acronym!, p.Meetings, p.People)).Single());
        var c = report.Commitments;
        Assert.Equal((1, 2, 0, 1, 1, 0), (c.DoneOnTime, c.DoneLate, c.DoneUndated, c.Overdue, c.Open, c.Cancelled));

        // A narrower period moves the boundaries: the last day alone holds the site visit, its open item I6 and the overdue I10.
        var lastDay = await Reports.EngagementAsync(new ReportQuery(new DateOnly(2021, 12, 31), new DateOnly(2021, 12, 31)));
        Assert.Equal(1, lastDay.MeetingsHeld);
        Assert.Equal(MeetingKind.SiteVisit, lastDay.Meetings.Single(m => m.Held > 0).Kind);
        Assert.Equal((2, 1, 1), (lastDay.Commitments.Made, lastDay.Commitments.Overdue, lastDay.Commitments.Open));
    }

    [Fact]
    public async Task The_timeline_lists_meetings_with_who_came_and_commitments_with_their_state_newest_first()
    {
        var timeline = await Reports.TimelineAsync(a);

        Assert.Equal(timeline.OrderByDescending(e => e.Date).Select(e => e.Date), timeline.Select(e => e.Date));
        var hosted = Assert.Single(timeline, e => e.Kind == TimelineKind.Meeting && e.Id == m1);
        Assert.Equal(TimelineState.Hosted, hosted.State);
        Assert.Equal(["Pone Test", "Ptwo Test"], hosted.Contacts.Select(p => p.En!));
        Assert.Equal(TimelineState.Attended, Assert.Single(timeline, e => e.Kind == TimelineKind.Meeting && e.Id == m3).State);
        Assert.DoesNotContain(timeline, e => e.Kind == TimelineKind.Meeting && e.Date == new DateOnly(2021, 6, 1));
        var states = timeline.Where(e => e.Kind == TimelineKind.Commitment).ToDictionary(e => e.Title.En!, e => e.State);
        Assert.Equal(TimelineState.Done, states["I1 on time at the last minute"]);
        Assert.Equal(TimelineState.DoneLate, states["I2 late by a minute"]);
        Assert.Equal(TimelineState.Overdue, states["I5 overdue"]);
        Assert.Equal(TimelineState.Open, states["I6 open, due later"]);
        Assert.Equal(TimelineState.DoneLate, states["I8 done again late"]);
        Assert.False(states.ContainsKey("I12 deleted"));
        Assert.DoesNotContain(timeline, e => e.Title.En == "I10 raised outside a meeting, due on the last day");
    }

    [Fact]
    public async Task A_partner_is_refused_the_report_and_the_timeline()
    {
        await host.SignInAsRoleAsync(Roles.Partner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Reports.EngagementAsync(Year2021));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Reports.TimelineAsync(a));
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.Equal(2, (await Reports.EngagementAsync(Year2021)).MeetingsHeld);
    }
}
