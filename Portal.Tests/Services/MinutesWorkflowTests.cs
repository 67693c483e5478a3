using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Validation;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Services;

/// <summary>The minutes workflow on a real database: who may take which step, and that approved minutes never change.</summary>
public class MinutesWorkflowTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private MinutesService Minutes => host.Get<MinutesService>();
    private AgendaService Agenda => host.Get<AgendaService>();
    private MeetingService Meetings => host.Get<MeetingService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<int> DraftWithOneItemAsync()
    {
        var kktt = (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var id = (await Meetings.SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมติดตามงาน", TitleEn = "Follow-up meeting", Date = new DateTime(2024, 9, 2), StartTime = new TimeSpan(10, 0, 0), HostOrganizationId = kktt,
        })).Id!.Value;
        Assert.True((await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "ต้นฉบับ", TopicEn = "Original" })).Succeeded);
        return id;
    }

    [Fact]
    public void The_rules_say_who_takes_which_step_from_where()
    {
        bool Staff(string role) => role == Roles.Staff;
        bool Coordinator(string role) => role == Roles.Coordinator;
        bool Partner(string role) => role == Roles.Partner;
        Assert.Equal([MinutesTransition.SubmitForReview], MinutesWorkflow.Available(MinutesStatus.Draft, Staff));
        Assert.Empty(MinutesWorkflow.Available(MinutesStatus.InReview, Staff));
        Assert.Equal([MinutesTransition.Approve, MinutesTransition.ReturnToDraft], MinutesWorkflow.Available(MinutesStatus.InReview, Coordinator));
        Assert.Equal([MinutesTransition.StartCorrection], MinutesWorkflow.Available(MinutesStatus.Approved, Staff));
        Assert.Empty(MinutesWorkflow.Available(MinutesStatus.Approved, Partner));
        Assert.False(MinutesWorkflow.IsAllowed(MinutesStatus.Draft, MinutesTransition.Approve, Coordinator));
        Assert.True(MinutesWorkflow.CanEditContent(MinutesStatus.Draft));
        Assert.False(MinutesWorkflow.CanEditContent(MinutesStatus.InReview));
        Assert.False(MinutesWorkflow.CanEditContent(MinutesStatus.Approved));
    }

    [Fact]
    public async Task Draft_goes_to_review_and_a_coordinator_approves_it_or_sends_it_back()
    {
        var id = await DraftWithOneItemAsync();
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview)).IsValid);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Minutes.TransitionAsync(id, MinutesTransition.Approve));
        Assert.Equal("Minutes.Locked", (await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "ใหม่", TopicEn = "New" })).Errors[""]!.Key);

        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.ReturnToDraft, "The agenda needs a presenter")).IsValid);
        Assert.Equal(MinutesStatus.Draft, (await Meetings.GetAsync(id))!.MinutesStatus);
        Assert.Equal("Minutes.TransitionNotAllowed", (await Minutes.TransitionAsync(id, MinutesTransition.Approve))[""]!.Key);

        await host.SignInAsRoleAsync(Roles.Staff);
        await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview);
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.Approve)).IsValid);
        var approved = (await Minutes.GetVersionAsync(id, 1))!.Value;
        Assert.Equal("Coordinator (demo)", approved.Approval.ApprovedBy.Get(thai: false));
        Assert.Equal("ต้นฉบับ", Assert.Single(approved.Document.AgendaItems).TopicTh);
        Assert.Equal(MinutesStatus.Approved, approved.Document.Status);
    }

    [Fact]
    public async Task Approved_minutes_cannot_be_edited_and_a_correction_opens_version_2_leaving_version_1_as_it_was()
    {
        var id = await DraftWithOneItemAsync();
        await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview);
        await host.SignInAsRoleAsync(Roles.Coordinator);
        await Minutes.TransitionAsync(id, MinutesTransition.Approve);

        await host.SignInAsRoleAsync(Roles.Staff);
        var item = (await Meetings.GetAsync(id))!.AgendaItems.Single();
        Assert.Equal("Minutes.Locked", (await Agenda.SaveAsync(id, item.Id, new AgendaItemForm { TopicTh = "แก้", TopicEn = "Changed" })).Errors[""]!.Key);
        Assert.Equal("Minutes.Locked", (await Agenda.RemoveAsync(id, item.Id))[""]!.Key);
        Assert.Equal("Minutes.Locked", (await host.Get<AttendanceService>().SaveAsync(id, null, new AttendeeForm { PersonId = 1 })).Errors[""]!.Key);
        var header = MeetingForm.From((await Meetings.GetAsync(id))!);
        header.TitleEn = "Rewritten";
        Assert.Equal("Minutes.Locked", (await Meetings.SaveAsync(id, header)).Errors[""]!.Key);
        Assert.Equal("Original", (await Meetings.GetAsync(id))!.AgendaItems.Single().TopicEn);

        // Not even code that reaches past the services may rewrite an approved version.
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var frozen = await db.ApprovedMinutes.SingleAsync(v => v.MeetingId == id);
            frozen.Document = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("Validation.Required", (await Minutes.TransitionAsync(id, MinutesTransition.StartCorrection, " "))["Reason"]!.Key);
        Assert.True((await Minutes.TransitionAsync(id, MinutesTransition.StartCorrection, "ชื่อวาระพิมพ์ผิด")).IsValid);
        var reopened = (await Meetings.GetAsync(id))!;
        Assert.Equal((MinutesStatus.Draft, 2), (reopened.MinutesStatus, reopened.MinutesVersion));
        var current = AgendaItemForm.From((await Meetings.GetAsync(id))!.AgendaItems.Single());
        Assert.True((await Agenda.SaveAsync(id, item.Id, current with { TopicTh = "ฉบับแก้ไข", TopicEn = "Corrected" })).Succeeded);
        await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview);
        await host.SignInAsRoleAsync(Roles.Coordinator);
        await Minutes.TransitionAsync(id, MinutesTransition.Approve);

        var versions = await Minutes.VersionsAsync(id);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("ชื่อวาระพิมพ์ผิด", versions[0].CorrectionReason);
        Assert.Equal("ต้นฉบับ", (await Minutes.GetVersionAsync(id, 1))!.Value.Document.AgendaItems.Single().TopicTh);
        Assert.Equal("ฉบับแก้ไข", (await Minutes.GetVersionAsync(id, 2))!.Value.Document.AgendaItems.Single().TopicTh);
    }

    [Fact]
    public async Task Every_step_is_in_the_audit_log()
    {
        var id = await DraftWithOneItemAsync();
        await Minutes.TransitionAsync(id, MinutesTransition.SubmitForReview);
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Meeting) && a.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(entries, e => e.Changes.Contains("InReview") && e.UserName == "staff@kktt.demo");
    }
}
