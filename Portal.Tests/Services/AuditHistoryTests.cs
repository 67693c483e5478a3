using Portal.Auth;
using Portal.Validation;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.Users;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Services;

/// <summary>The audit log as a history: labels and choices in the reader's language, references and people by name.</summary>
public class AuditHistoryTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync() => host = await PortalHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_change_to_an_organization_reads_label_old_to_new_with_names_in_Thai_and_English()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var organizations = host.Get<OrganizationService>();
        var all = await organizations.AllAsync();
        var kktt = all.Single(o => o.Acronym == "KKTT");
        var id = (await organizations.SaveAsync(null, new OrganizationForm
        {
            NameTh = "สำนักงานทดสอบประวัติ", NameEn = "History Test Office", Acronym = "HTO", Kind = OrganizationKind.Company,
        })).Id!.Value;
        var form = OrganizationForm.From((await organizations.GetAsync(id))!);
        await organizations.SaveAsync(id, form with { Kind = OrganizationKind.University, ParentId = kktt.Id, NameEn = "History Office" });

        await host.SignInAsRoleAsync(Roles.Admin);
        var audit = host.Get<AuditService>();
        var query = new AuditQuery("Organization", id.ToString(), null, 0, 50);

        var thai = (await audit.HistoryAsync(query, thai: true)).Items;
        var updated = thai.Single(r => r.Action == AuditAction.Updated);
        Assert.Equal("สำนักงานทดสอบประวัติ", updated.RecordName);
        Assert.Equal("หน่วยงาน", updated.KindLabel);
        Assert.Contains(PortalHost.DemoAccount(Roles.Staff), updated.ActorName + updated.ActorEmail);
        Assert.Contains(new AuditChange("ประเภท", "บริษัท", "สถาบันการศึกษา", true, true), updated.Changes);
        Assert.Contains(new AuditChange("หน่วยงานต้นสังกัด", null, kktt.Name(true), true, true), updated.Changes);
        Assert.Contains(new AuditChange("ชื่อภาษาอังกฤษ", "History Test Office", "History Office", true, true), updated.Changes);

        var english = (await audit.HistoryAsync(query, thai: false)).Items.Single(r => r.Action == AuditAction.Updated);
        Assert.Equal("History Office", english.RecordName);
        Assert.Contains(new AuditChange("Kind", "Company", "University", true, true), english.Changes);
        Assert.Contains(new AuditChange("Parent organization", null, kktt.Name(false), true, true), english.Changes);
        Assert.DoesNotContain(english.Changes, c => c.Label == "Version" || c.Label == "SearchText");
    }

    [Fact]
    public async Task Who_sent_minutes_for_review_reads_as_the_person_and_not_the_account_id()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var kktt = (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var meeting = (await host.Get<MeetingService>().SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมทดสอบผู้ส่ง", TitleEn = "Sender test", Date = new DateTime(2024, 5, 7), StartTime = new TimeSpan(10, 0, 0), HostOrganizationId = kktt,
        })).Id!.Value;
        Assert.True((await host.Get<MinutesService>().TransitionAsync(meeting, MinutesTransition.SubmitForReview)).IsValid);

        await host.SignInAsRoleAsync(Roles.Admin);
        var staff = (await host.Get<UserService>().ListAsync()).Single(u => u.Email == PortalHost.DemoAccount(Roles.Staff));
        var history = (await host.Get<AuditService>().HistoryAsync(new AuditQuery("Meeting", meeting.ToString(), null, 0, 50), thai: false)).Items;
        var sender = history.SelectMany(r => r.Changes).Single(c => c.Label == "Sent for review by");
        Assert.Equal(staff.DisplayName, sender.New);
        Assert.DoesNotContain(history.SelectMany(r => r.Changes), c => c.New == staff.Id || c.Old == staff.Id);
    }

    [Fact]
    public async Task An_update_on_an_action_item_reads_under_the_item_title_with_every_field_labelled_and_the_writer_by_name()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var items = host.Get<Portal.Features.ActionItems.ActionItemService>();
        var report = (await items.ListAsync(new ListQuery(null, 0, 100, null, false), new Portal.Features.ActionItems.ActionItemFilter()))
            .Items.Single(i => i.TitleEn == Portal.DemoData.DemoActionItems.WorldBankReportTitleEn);
        Assert.True((await items.PostUpdateAsync(report.Id, new Portal.Features.ActionItems.ActionUpdateForm { Text = "ส่งร่างรายงานแล้ว" })).IsValid);

        await host.SignInAsRoleAsync(Roles.Admin);
        var staff = (await host.Get<UserService>().ListAsync()).Single(u => u.Email == PortalHost.DemoAccount(Roles.Staff));
        var entry = (await host.Get<AuditService>().HistoryAsync(new AuditQuery("ActionItemUpdate", null, null, 0, 50), thai: true)).Items
            .First(r => r.Changes.Any(c => c.New == "ส่งร่างรายงานแล้ว"));
        Assert.Equal(report.TitleTh, entry.RecordName);
        Assert.Contains(new AuditChange("ผู้เขียน", null, staff.DisplayName, false, true), entry.Changes);
        // Every label is a word of the reader's language, not a property name of the code.
        Assert.All(entry.Changes, c => Assert.DoesNotMatch("^[A-Z][A-Za-z]+$", c.Label));
    }

    [Fact]
    public async Task Filters_narrow_by_person_and_period()
    {
        await host.SignInAsRoleAsync(Roles.Admin);
        var audit = host.Get<AuditService>();
        var everything = (await audit.HistoryAsync(new AuditQuery(null, null, null, 0, 200), thai: true)).TotalCount;
        Assert.True(everything > 0);
        var actors = await audit.ActorsAsync();
        Assert.All(actors, a => Assert.DoesNotContain("@", a.Name));
        var longAgo = new DateOnly(2000, 1, 1);
        Assert.Equal(0, (await audit.HistoryAsync(new AuditQuery(null, null, null, 0, 50, To: longAgo), thai: true)).TotalCount);
        Assert.Equal(everything, (await audit.HistoryAsync(new AuditQuery(null, null, null, 0, 50, From: longAgo), thai: true)).TotalCount);
        if (actors.Count > 0)
            Assert.True((await audit.HistoryAsync(new AuditQuery(null, null, null, 0, 50, UserId: "no-such-user"), thai: true)).TotalCount == 0);
    }
}
