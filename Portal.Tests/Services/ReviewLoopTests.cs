using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Features.Users;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Services;

/// <summary>
/// Issue 13's review loop and people behind accounts on a real database: a return needs a reason that staff see until
/// they send the minutes again, what looks unfinished is listed before sending, reviewers have their list, and the
/// portal names people (not sign-in e-mails) in timelines, approvals and the signature lines.
/// </summary>
public class ReviewLoopTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private MinutesService Minutes => host.Get<MinutesService>();
    private MeetingService Meetings => host.Get<MeetingService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<int> KkttAsync() => (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;

    private async Task<int> DraftAsync(DateTime date, string? resolutionTh = "ที่ประชุมรับทราบ")
    {
        var id = (await Meetings.SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมติดตามงาน", TitleEn = "Follow-up meeting", Date = date, StartTime = new TimeSpan(10, 0, 0), HostOrganizationId = await KkttAsync(),
        })).Id!.Value;
        Assert.True((await host.Get<AgendaService>().SaveAsync(id, null,
            new AgendaItemForm { TopicTh = "รายงานความคืบหน้า", TopicEn = "Progress report", ResolutionTh = resolutionTh })).Succeeded);
        return id;
    }

    private async Task<int> PersonAsync(string givenTh, string familyTh, string givenEn, string familyEn, string positionTh, string positionEn)
    {
        var saved = await host.Get<PersonService>().SaveAsync(null, new PersonForm
        {
            Honorific = Honorific.Mr, GivenNameTh = givenTh, FamilyNameTh = familyTh, GivenNameEn = givenEn, FamilyNameEn = familyEn,
            PositionTh = positionTh, PositionEn = positionEn, OrganizationId = await KkttAsync(),
        });
        Assert.True(saved.Succeeded);
        return saved.Id!.Value;
    }

    private async Task LinkAsync(string role, int personId)
    {
        await host.SignInAsRoleAsync(Roles.Admin);
        var userId = (await host.Get<UserService>().ListAsync()).Single(u => u.Email == PortalHost.DemoAccount(role)).Id;
        Assert.True((await host.Get<UserService>().SetPersonAsync(userId, "Display " + role, personId)).IsValid);
    }

    [Fact]
    public async Task Returning_minutes_needs_a_reason_which_is_stored_shown_audited_and_cleared_when_staff_send_them_again()
    {
        var id = await DraftAsync(new DateTime(2024, 9, 2));
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview)).IsValid);

        await host.SignInAsRoleAsync(Roles.Coordinator);
        foreach (var blank in new[] { null, "", "   " })
            Assert.Equal("Validation.Required", (await Minutes.TransitionAsync(id, MinutesTransition.ReturnToDraft, blank))["Reason"]!.Key);
        Assert.Equal(MinutesStatus.InReview, (await Meetings.GetAsync(id))!.MinutesStatus);
        Assert.Equal("Validation.MaxLength", (await Minutes.TransitionAsync(id, MinutesTransition.ReturnToDraft, new string('ก', FieldLengths.Reason + 1)))["Reason"]!.Key);

        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.ReturnToDraft, "  ระเบียบวาระที่ 1 ยังไม่มีรายชื่อผู้นำเสนอ ")).IsValid);
        var returned = (await Meetings.GetAsync(id))!;
        Assert.Equal(MinutesStatus.Draft, returned.MinutesStatus);
        Assert.Equal("ระเบียบวาระที่ 1 ยังไม่มีรายชื่อผู้นำเสนอ", returned.ReturnReason);
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Meeting) && a.EntityId == id.ToString()).ToListAsync();
            Assert.Contains(entries, e => e.Changes.Contains("ระเบียบวาระที่ 1 ยังไม่มีรายชื่อผู้นำเสนอ") && e.UserName == "coordinator@kktt.demo");
        }

        await host.SignInAsRoleAsync(Roles.Staff);
        Assert.Contains(await host.Get<MinutesService>().ReturnedForCorrectionsAsync(), r => r.Meeting.Id == id && r.Reason == "ระเบียบวาระที่ 1 ยังไม่มีรายชื่อผู้นำเสนอ");
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview)).IsValid);
        Assert.DoesNotContain(await host.Get<MinutesService>().ReturnedForCorrectionsAsync(), r => r.Meeting.Id == id);
        var resubmitted = (await Meetings.GetAsync(id))!;
        Assert.Equal(MinutesStatus.InReview, resubmitted.MinutesStatus);
        Assert.Null(resubmitted.ReturnReason);
    }

    [Fact]
    public async Task Sending_for_review_lists_what_looks_unfinished_without_refusing_it()
    {
        var future = await DraftAsync(DateTime.Today.AddDays(30), resolutionTh: null);
        var warnings = await Minutes.SubmissionWarningsAsync(future);
        Assert.Equal(["Minutes.Warning.NoAttendees", "Minutes.Warning.NoResolution", "Minutes.Warning.InFuture"], warnings.Select(w => w.Key));
        Assert.Equal(1, warnings[1].Args[0]);
        Assert.Contains(warnings[1].Args[1], new object[] { "รายงานความคืบหน้า", "Progress report" });   // the topic in the reader's language
        Assert.True((await Minutes.TransitionAsync(future, MinutesTransition.SubmitForReview)).IsValid);

        var finished = await DraftAsync(new DateTime(2024, 9, 2));
        var person = await PersonAsync("ทดสอบ", "ครบถ้วน", "Test", "Complete", "ผู้เข้าร่วม", "Participant");
        Assert.True((await host.Get<AttendanceService>().SaveAsync(finished, null, new AttendeeForm { PersonId = person })).Succeeded);
        Assert.Empty(await Minutes.SubmissionWarningsAsync(finished));

        var empty = (await Meetings.SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมที่ยังไม่มีวาระ", TitleEn = "No agenda yet", Date = new DateTime(2024, 9, 3), StartTime = new TimeSpan(10, 0, 0), HostOrganizationId = await KkttAsync(),
        })).Id!.Value;
        Assert.True((await host.Get<AttendanceService>().SaveAsync(empty, null, new AttendeeForm { PersonId = person })).Succeeded);
        Assert.Equal(["Minutes.Warning.NoAgenda"], (await Minutes.SubmissionWarningsAsync(empty)).Select(w => w.Key));
    }

    [Fact]
    public async Task Reviewers_see_the_minutes_awaiting_review_and_staff_have_no_such_list()
    {
        var waiting = await DraftAsync(new DateTime(2024, 9, 2));
        var draft = await DraftAsync(new DateTime(2024, 9, 3));
        await Minutes.TransitionAsync(waiting, MinutesTransition.SubmitForReview);
        Assert.Empty(await host.Get<MinutesService>().AwaitingReviewAsync());

        await host.SignInAsRoleAsync(Roles.Coordinator);
        var awaiting = (await host.Get<MinutesService>().AwaitingReviewAsync()).Select(m => m.Id).ToList();
        Assert.Contains(waiting, awaiting);
        Assert.DoesNotContain(draft, awaiting);
        await Minutes.TransitionAsync(waiting, MinutesTransition.Approve);
        Assert.DoesNotContain(waiting, (await host.Get<MinutesService>().AwaitingReviewAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task Timeline_approval_and_signature_lines_name_the_person_with_their_position_not_the_sign_in_email()
    {
        var recorder = await PersonAsync("สมหญิง", "รักงาน", "Somying", "Rakngan", "เจ้าหน้าที่โครงการ", "Project Officer");
        var reviewer = await PersonAsync("สมชาย", "ใจดี", "Somchai", "Jaidee", "ผู้ประสานงานโครงการ", "Project Coordinator");
        await LinkAsync(Roles.Staff, recorder);
        await LinkAsync(Roles.Coordinator, reviewer);

        await host.SignInAsRoleAsync(Roles.Staff);
        var id = await DraftAsync(new DateTime(2024, 9, 2));
        await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview);
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.Approve)).IsValid);

        var version = Assert.Single(await Minutes.VersionsAsync(id));
        Assert.Equal("นายสมชาย ใจดี", version.ApprovedBy.Th);
        Assert.Equal("Mr. Somchai Jaidee", version.ApprovedBy.Get(thai: false));
        var document = (await Minutes.GetVersionAsync(id, 1))!.Value.Document;
        Assert.Equal("นายสมหญิง รักงาน", document.Recorder!.Name.Th);
        Assert.Equal("เจ้าหน้าที่โครงการ", document.Recorder.Position(thai: true));
        Assert.Equal("นายสมชาย ใจดี", document.Reviewer!.Name.Th);
        Assert.Equal("Project Coordinator", document.Reviewer.Position(thai: false));
        // The approved record itself keeps a name, not the e-mail, for when the account is gone.
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            Assert.Equal("นายสมชาย ใจดี", await db.ApprovedMinutes.Where(v => v.MeetingId == id).Select(v => v.ApprovedByName).SingleAsync());

        // The demo's updates were written with the sign-in name only; the timeline shows the person behind it.
        var items = host.Get<ActionItemService>();
        var withUpdates = (await items.ListAsync(new Portal.Validation.ListQuery(null, 0, 50, null, false), new ActionItemFilter())).Items
            .Select(i => i.Id).ToList();
        var updates = new List<ActionItemUpdate>();
        foreach (var itemId in withUpdates)
            updates.AddRange((await items.GetAsync(itemId))!.Updates);
        var authors = await items.AuthorsAsync(updates);
        var byStaff = updates.First(u => u.AuthorName == "staff@kktt.demo");
        Assert.Equal("นายสมหญิง รักงาน", authors[byStaff.AuthorUserId!].Th);
    }

    [Fact]
    public async Task Attending_on_behalf_of_names_a_person_from_the_register_and_keeps_typed_text_as_the_fallback()
    {
        var id = await DraftAsync(new DateTime(2024, 9, 2));
        var attendance = host.Get<AttendanceService>();
        var standIn = await PersonAsync("ผู้แทน", "ทดสอบ", "Deputy", "Tester", "รองผู้อำนวยการ", "Deputy Director");
        var represented = await PersonAsync("ผู้อำนวยการ", "ทดสอบ", "Director", "Tester", "ผู้อำนวยการ", "Director");
        var absentee = await PersonAsync("ขาด", "ประชุม", "Away", "Member", "กรรมการ", "Member");

        var nobody = await attendance.SaveAsync(id, null, new AttendeeForm { PersonId = standIn, Status = AttendanceStatus.OnBehalf });
        Assert.Equal("Attendee.OnBehalfOfRequired", nobody.Errors["OnBehalfOfPersonId"]!.Key);
        var self = await attendance.SaveAsync(id, null, new AttendeeForm { PersonId = standIn, Status = AttendanceStatus.OnBehalf, OnBehalfOfPersonId = standIn });
        Assert.Equal("Attendee.OnBehalfOfSelf", self.Errors["OnBehalfOfPersonId"]!.Key);

        Assert.True((await attendance.SaveAsync(id, null, new AttendeeForm
        {
            PersonId = standIn, Status = AttendanceStatus.OnBehalf, OnBehalfOfPersonId = represented, OnBehalfOf = "ignored once a person is picked",
        })).Succeeded);
        Assert.True((await attendance.SaveAsync(id, null, new AttendeeForm
        {
            PersonId = absentee, Status = AttendanceStatus.Excused, AbsenceReason = "ติดราชการ", AbsenceReasonEn = "On official duty",
        })).Succeeded);

        var document = MinutesDocument.From((await Meetings.GetAsync(id))!);
        var deputy = document.Attendees.Single(a => a.PersonId == standIn);
        Assert.Equal("นายผู้อำนวยการ ทดสอบ", deputy.Represented(thai: true));
        Assert.Equal("Mr. Director Tester", deputy.Represented(thai: false));
        Assert.Null(deputy.OnBehalfOf);
        var away = document.Attendees.Single(a => a.PersonId == absentee);
        Assert.Equal("ติดราชการ", away.Reason(thai: true));
        Assert.Equal("On official duty", away.Reason(thai: false));

        // A stand-in whose principal is not in the register keeps what was typed.
        var attendeeId = (await Meetings.GetAsync(id))!.Attendees.Single(a => a.PersonId == standIn);
        var form = AttendeeForm.From(attendeeId) with { OnBehalfOfPersonId = null, OnBehalfOf = "ผู้ว่าราชการจังหวัดขอนแก่น" };
        Assert.True((await attendance.SaveAsync(id, attendeeId.Id, form)).Succeeded);
        var typed = MinutesDocument.From((await Meetings.GetAsync(id))!).Attendees.Single(a => a.PersonId == standIn);
        Assert.Equal("ผู้ว่าราชการจังหวัดขอนแก่น", typed.Represented(thai: false));
    }
}
