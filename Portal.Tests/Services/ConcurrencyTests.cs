using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;

namespace Portal.Tests.Services;

/// <summary>Two people edit the same record and both save: the second is told, with the differences, and nothing is overwritten.</summary>
public class ConcurrencyTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync() => host = await PortalHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_second_save_from_an_old_form_is_refused_with_who_changed_what_and_can_then_be_kept_on_purpose()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var organizations = host.Get<OrganizationService>();
        var id = (await organizations.AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var opened = OrganizationForm.From((await organizations.GetAsync(id))!);
        var staffForm = opened with { Notes = "Staff's note" };
        var adminForm = opened with { Notes = "Admin's note", Province = "ขอนแก่น (แก้ไข)" };

        Assert.True((await organizations.SaveAsync(id, staffForm)).Succeeded);

        await host.SignInAsRoleAsync(Roles.Admin);
        var refused = await organizations.SaveAsync(id, adminForm);
        Assert.False(refused.Succeeded);
        var conflict = Assert.IsType<SaveConflict>(refused.Conflict);
        Assert.Equal(PortalHost.DemoAccount(Roles.Staff), conflict.ChangedBy);
        var notes = Assert.Single(conflict.Fields, f => f.Field == nameof(OrganizationForm.Notes));
        Assert.Equal(("Staff's note", "Admin's note"), (notes.Theirs, notes.Mine));
        Assert.Contains(conflict.Fields, f => f.Field == nameof(OrganizationForm.Province));
        Assert.Equal("Staff's note", (await organizations.GetAsync(id))!.Notes);

        // Merging: the administrator keeps the staff member's note and their own province, and saves on purpose.
        var merged = adminForm with { Notes = notes.Theirs, Version = conflict.CurrentVersion };
        Assert.True((await organizations.SaveAsync(id, merged)).Succeeded);
        var stored = (await organizations.GetAsync(id))!;
        Assert.Equal(("Staff's note", "ขอนแก่น (แก้ไข)"), (stored.Notes, stored.Province));
        Assert.Equal(opened.Version + 2, stored.Version);
    }

    [Fact]
    public async Task Meetings_and_action_items_refuse_out_of_date_saves_too()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var meetings = host.Get<MeetingService>();
        var kktt = (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var meetingId = (await meetings.SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมทดสอบ", TitleEn = "Test meeting", Date = new DateTime(2026, 12, 1), StartTime = new TimeSpan(9, 0, 0), HostOrganizationId = kktt,
        })).Id!.Value;
        var meetingForm = MeetingForm.From((await meetings.GetAsync(meetingId))!);
        Assert.True((await meetings.SaveAsync(meetingId, meetingForm with { RoomTh = "ห้อง 1" })).Succeeded);
        var meetingConflict = (await meetings.SaveAsync(meetingId, meetingForm with { RoomTh = "ห้อง 2" })).Conflict;
        var room = Assert.Single(meetingConflict!.Fields, f => f.Field == nameof(MeetingForm.RoomTh));
        Assert.Equal(("ห้อง 1", "ห้อง 2"), (room.Theirs, room.Mine));

        var items = host.Get<ActionItemService>();
        var itemId = (await items.ListAsync(new Portal.Validation.ListQuery(null, 0, 1, null, false), new ActionItemFilter())).Items[0].Id;
        var itemForm = ActionItemForm.From((await items.GetAsync(itemId))!);
        Assert.True((await items.SaveAsync(itemId, itemForm with { TitleEn = "First edit" })).Succeeded);
        Assert.NotNull((await items.SaveAsync(itemId, itemForm with { TitleEn = "Second edit" })).Conflict);
        Assert.Equal("First edit", (await items.GetAsync(itemId))!.TitleEn);
    }

    [Fact]
    public async Task A_conflict_shows_organizations_people_and_choices_by_name_in_the_readers_language_not_by_id()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var organizations = await host.Get<OrganizationService>().AllAsync();
        var (kktt, worldBank) = (organizations.Single(o => o.Acronym == "KKTT"), organizations.Single(o => o.Acronym == "WB"));
        var melinda = (await host.Get<Portal.Features.People.PersonService>().ListAsync(new Portal.Validation.ListQuery("Melinda", 0, 1, null, false))).Items.Single();
        var items = host.Get<ActionItemService>();
        var id = (await items.SaveAsync(null, new ActionItemForm
        {
            TitleTh = "งานทดสอบการชนกัน", TitleEn = "Conflict test task", OwnerOrganizationIds = [kktt.Id], DueDate = new DateTime(2026, 12, 31),
        })).Id!.Value;
        var opened = ActionItemForm.From((await items.GetAsync(id))!);
        Assert.True((await items.SaveAsync(id, opened with
        {
            OwnerOrganizationIds = [worldBank.Id, kktt.Id], AssigneeId = melinda.Id, Status = ActionStatus.InProgress, DueDate = new DateTime(2027, 1, 15),
        })).Succeeded);

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Portal.Localization.PortalCultures.ThaiCulture;
            var fields = (await items.SaveAsync(id, opened with { TitleEn = "My title" })).Conflict!.Fields.ToDictionary(f => f.Field);
            Assert.Equal(string.Join(", ", new[] { kktt.NameTh, worldBank.NameTh }.Order(StringComparer.Ordinal)), fields[nameof(ActionItemForm.OwnerOrganizationIds)].Theirs);
            Assert.Equal(kktt.NameTh, fields[nameof(ActionItemForm.OwnerOrganizationIds)].Mine);
            Assert.Equal(melinda.Name(thai: true), fields[nameof(ActionItemForm.AssigneeId)].Theirs);
            Assert.Null(fields[nameof(ActionItemForm.AssigneeId)].Mine);
            Assert.Equal(("กำลังดำเนินการ", "15 มกราคม 2570"), (fields[nameof(ActionItemForm.Status)].Theirs, fields[nameof(ActionItemForm.DueDate)].Theirs));
            Assert.Equal("31 ธันวาคม 2569", fields[nameof(ActionItemForm.DueDate)].Mine);

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Portal.Localization.PortalCultures.EnglishCulture;
            fields = (await items.SaveAsync(id, opened with { TitleEn = "My title" })).Conflict!.Fields.ToDictionary(f => f.Field);
            Assert.Equal(("In progress", "15 January 2027"), (fields[nameof(ActionItemForm.Status)].Theirs, fields[nameof(ActionItemForm.DueDate)].Theirs));
            Assert.Equal(string.Join(", ", new[] { kktt.NameEn, worldBank.NameEn }.Order(StringComparer.Ordinal)), fields[nameof(ActionItemForm.OwnerOrganizationIds)].Theirs);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task A_write_that_slips_in_between_reading_and_saving_is_caught_by_the_database()
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var factory = host.Get<IDbContextFactory<PortalDbContext>>();
        await using var slow = await factory.CreateDbContextAsync();
        var organization = await slow.Organizations.FirstAsync(o => o.Acronym == "WB");

        await host.Get<OrganizationService>().SaveAsync(organization.Id, OrganizationForm.From(organization) with { Notes = "saved meanwhile" });

        organization.Notes = "saved late";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slow.SaveChangesAsync());
        await using var fresh = await factory.CreateDbContextAsync();
        Assert.Equal("saved meanwhile", (await fresh.Organizations.SingleAsync(o => o.Id == organization.Id)).Notes);
    }
}
