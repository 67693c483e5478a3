using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.ActionItems;
using Portal.Features.Organizations;
using Portal.Validation;

namespace Portal.Tests.Services;

public class ActionItemServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private ActionItemService ActionItems => host.Get<ActionItemService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<List<ActionItemRow>> ListAsync(ActionItemFilter? filter = null, string? search = null) =>
        [.. (await ActionItems.ListAsync(new ListQuery(search, 0, 100, null, false), filter ?? new ActionItemFilter())).Items];

    private async Task<int> IdOfAsync(string titleEn)
    {
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.ActionItems.Where(i => i.TitleEn == titleEn).Select(i => i.Id).SingleAsync();
    }

    private async Task<int> OrganizationIdAsync(string acronym) =>
        (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == acronym).Id;

    [Fact]
    public async Task The_workshop_commitments_are_in_the_demo_with_one_overdue_some_due_soon_and_one_done()
    {
        var all = await ListAsync();
        Assert.Equal(5, all.Count);
        var overdue = Assert.Single(await ListAsync(new ActionItemFilter(OverdueOnly: true)));
        Assert.Equal(DemoActionItems.DigitalTokenTitleEn, overdue.TitleEn);
        Assert.Single(all, i => i.Status == ActionStatus.Done);
        Assert.Contains(await ListAsync(new ActionItemFilter(DueWithinWeek: true)), i => i.TitleEn.Contains("Funding City"));
        var ai = Assert.Single(all, i => i.TitleEn.StartsWith("KKU and CMKL"));
        Assert.Equal(["KKU", "CMKL"], ai.Owners.Order().Reverse());
        Assert.All(all, i => Assert.NotNull(i.LatestUpdate));
        // Soonest due first: the overdue token item leads the default order of what is still to do.
        Assert.Equal(DemoActionItems.DigitalTokenTitleEn, (await ListAsync(new ActionItemFilter(ActiveOnly: true)))[0].TitleEn);
    }

    [Fact]
    public async Task The_editor_opens_with_the_item_its_meetings_agenda_and_assignee_in_one_call()
    {
        var id = await IdOfAsync(DemoActionItems.DigitalTokenTitleEn);
        var data = await ActionItems.EditorAsync(id);

        Assert.NotNull(data);
        Assert.Equal(DemoActionItems.DigitalTokenTitleEn, data.Form.TitleEn);
        Assert.Equal(data.Form.AssigneeId, data.Assignee?.Id);
        Assert.Contains(data.Meetings, m => m.Id == data.Form.MeetingId);
        Assert.Contains(data.Organizations, o => o.Acronym == "KKTT");
        // The chosen meeting's agenda, in its order, as the drop-down lists it; nothing else of the meeting.
        Assert.NotEmpty(data.AgendaItems);
        Assert.Equal(data.AgendaItems.OrderBy(a => a.Position).Select(a => a.Id), data.AgendaItems.Select(a => a.Id));
        if (data.Form.AgendaItemId is { } agendaItemId) Assert.Contains(data.AgendaItems, a => a.Id == agendaItemId);
        Assert.Equal(data.AgendaItems, await ActionItems.AgendaChoicesAsync(data.Form.MeetingId));

        // A new item raised from an agenda item starts on it; an item that is not there opens nothing.
        var raised = await ActionItems.EditorAsync(null, data.Form.MeetingId, data.AgendaItems[0].Id);
        Assert.Equal((data.Form.MeetingId, data.AgendaItems[0].Id), (raised!.Form.MeetingId, raised.Form.AgendaItemId));
        Assert.Null(raised.Assignee);
        Assert.Null(await ActionItems.EditorAsync(999_999));
        Assert.Empty(await ActionItems.AgendaChoicesAsync(999_999));
    }

    [Fact]
    public async Task Filters_narrow_by_status_owner_and_search()
    {
        Assert.Equal(3, (await ListAsync(new ActionItemFilter(OrganizationId: await OrganizationIdAsync("KKTT")))).Count);
        Assert.Single(await ListAsync(new ActionItemFilter(Status: ActionStatus.Blocked)));
        Assert.Single(await ListAsync(search: "โทเคน"));
        Assert.Single(await ListAsync(search: "cmkl"));        // an owner's acronym
        Assert.Equal(2, (await ListAsync(search: "สุรเดช")).Count(i => i.Status != ActionStatus.Done)); // the assignee
    }

    [Fact]
    public async Task A_partner_sees_and_updates_only_its_own_organizations_items()
    {
        var report = await IdOfAsync(DemoActionItems.WorldBankReportTitleEn);
        var token = await IdOfAsync(DemoActionItems.DigitalTokenTitleEn);
        await host.SignInAsRoleAsync(Roles.Partner);

        var visible = await ListAsync();
        Assert.Equal([DemoActionItems.WorldBankReportTitleEn], visible.Select(i => i.TitleEn));
        Assert.NotNull(await ActionItems.GetAsync(report));
        Assert.Null(await ActionItems.GetAsync(token));
        Assert.Equal("Validation.NotFound", (await ActionItems.PostUpdateAsync(token, new ActionUpdateForm { Text = "แอบแก้", NewStatus = ActionStatus.Done }))[""]!.Key);
        Assert.Null(await ActionItems.OpenAttachmentAsync(token, 1));
        Assert.Single(await ActionItems.ExportAsync(null, new ActionItemFilter(), null, false));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ActionItems.SaveAsync(report, new ActionItemForm()));

        Assert.True((await ActionItems.PostUpdateAsync(report, new ActionUpdateForm { Text = "ส่งชุดข้อมูลเมืองรองแล้ว", NewStatus = ActionStatus.Done })).IsValid);
        var done = (await ActionItems.GetAsync(report))!;
        Assert.Equal(ActionStatus.Done, done.Status);
        var latest = done.Updates[0];
        Assert.Equal(("ส่งชุดข้อมูลเมืองรองแล้ว", ActionStatus.InProgress, ActionStatus.Done, "partner.worldbank@kktt.demo"),
            (latest.Text, latest.StatusFrom, latest.StatusTo, latest.AuthorName));

        await host.SignInAsRoleAsync(Roles.Staff);
        var token2 = (await ActionItems.GetAsync(token))!;
        Assert.Equal(ActionStatus.Blocked, token2.Status);
    }

    [Fact]
    public async Task An_update_needs_words_a_new_status_or_a_file_and_files_are_checked()
    {
        var id = await IdOfAsync(DemoActionItems.DigitalTokenTitleEn);
        Assert.Equal("Validation.Required", (await ActionItems.PostUpdateAsync(id, new ActionUpdateForm { Text = " ", NewStatus = ActionStatus.Blocked }))[nameof(ActionUpdateForm.Text)]!.Key);
        Assert.True((await ActionItems.PostUpdateAsync(id, new ActionUpdateForm { NewStatus = ActionStatus.InProgress })).IsValid);
        var pdf = "%PDF-1.7\n%%EOF"u8.ToArray();
        Assert.True((await ActionItems.PostUpdateAsync(id, new ActionUpdateForm(), ("หนังสือตอบกลับ.pdf", new MemoryStream(pdf)))).IsValid);
        Assert.Equal("Attachment.ContentMismatch", (await ActionItems.PostUpdateAsync(id, new ActionUpdateForm(), ("fake.pdf", new MemoryStream("MZ"u8.ToArray()))))["File"]!.Key);

        var item = (await ActionItems.GetAsync(id))!;
        var withFile = item.Updates.First(u => u.AttachmentFileName is not null);
        var opened = (await ActionItems.OpenAttachmentAsync(id, withFile.Id))!.Value;
        await using (opened.Content)
            Assert.Equal("หนังสือตอบกลับ.pdf", opened.Update.AttachmentFileName);
        // An update's file is reached only under its own item.
        Assert.Null(await ActionItems.OpenAttachmentAsync(await IdOfAsync(DemoActionItems.WorldBankReportTitleEn), withFile.Id));
    }

    [Fact]
    public async Task The_editor_requires_titles_and_an_owner_and_records_status_changes_in_the_timeline()
    {
        var invalid = await ActionItems.SaveAsync(null, new ActionItemForm());
        Assert.True(invalid.Errors.Has(nameof(ActionItemForm.TitleTh)));
        Assert.True(invalid.Errors.Has(nameof(ActionItemForm.TitleEn)));
        Assert.Equal("ActionItem.OwnerRequired", invalid.Errors[nameof(ActionItemForm.OwnerOrganizationIds)]!.Key);

        var saved = await ActionItems.SaveAsync(null, new ActionItemForm
        {
            TitleTh = "ทดสอบ", TitleEn = "Test", OwnerOrganizationIds = [await OrganizationIdAsync("KKCC")], DueDate = new DateTime(2030, 1, 1),
        });
        Assert.True(saved.Succeeded);
        var form = ActionItemForm.From((await ActionItems.GetAsync(saved.Id!.Value))!);
        form.Status = ActionStatus.Cancelled;
        await ActionItems.SaveAsync(saved.Id, form);
        var update = Assert.Single((await ActionItems.GetAsync(saved.Id.Value))!.Updates);
        Assert.Equal((ActionStatus.Open, ActionStatus.Cancelled), (update.StatusFrom!.Value, update.StatusTo!.Value));
    }
}
