using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.ActionItems;
using Portal.Features.CarryForward;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Validation;

namespace Portal.Tests.Services;

/// <summary>
/// Matters arising: which action items a meeting of a series carries, live in its draft and frozen on approval; the notes
/// on them; follow-ups raised from them; and the confirmation of the previous minutes opening their next version.
/// </summary>
public class CarryForwardServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private CarryForwardService CarryForward => host.Get<CarryForwardService>();
    private ActionItemService ActionItems => host.Get<ActionItemService>();
    private MinutesService Minutes => host.Get<MinutesService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private Task<int> FollowUpAsync() => QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DemoMeetings.FollowUpTitleEn).Select(m => m.Id).SingleAsync());
    private Task<int> WorkshopAsync() => QueryAsync(db => db.Meetings.Where(m => m.RoomEn == "Aiyara Room").Select(m => m.Id).SingleAsync());
    private Task<int> ItemAsync(string titleEn) => QueryAsync(db => db.ActionItems.Where(i => i.TitleEn == titleEn).Select(i => i.Id).SingleAsync());

    private async Task<int> AddItemAsync(int meetingId, string titleEn, ActionStatus status)
    {
        var kktt = await QueryAsync(db => db.Organizations.Where(o => o.Acronym == "KKTT").Select(o => o.Id).SingleAsync());
        var result = await ActionItems.SaveAsync(null, new ActionItemForm
        {
            TitleTh = "ภารกิจทดสอบ " + titleEn, TitleEn = titleEn, MeetingId = meetingId, OwnerOrganizationIds = [kktt], Status = status,
        });
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Keys));
        return result.Id!.Value;
    }

    [Fact]
    public async Task A_meeting_carries_the_open_items_of_its_series_earlier_meetings_only_and_follows_them_live_in_its_draft()
    {
        var followUp = await FollowUpAsync();
        var workshop = await WorkshopAsync();
        var carried = await CarryForward.ForMeetingAsync(followUp);
        // The workshop's open, in-progress and blocked items; not its done one, nor the site visit's (no series).
        Assert.Equal(
            new[] { "KKTT prepares a Funding City concept note for the World Bank's review", DemoActionItems.DigitalTokenTitleEn, DemoActionItems.WorldBankReportTitleEn }.Order(),
            carried.Select(i => i.TitleEn).Order());
        var report = Assert.Single(carried, i => i.TitleEn == DemoActionItems.WorldBankReportTitleEn);
        Assert.Equal(ActionStatus.InProgress, report.Status);
        Assert.Equal(workshop, report.FromMeetingId);
        Assert.Equal("จากการประชุมครั้งที่ 1/2567", report.From(thai: true));
        Assert.Equal("from meeting No. 1/2024", report.From(thai: false));
        Assert.StartsWith("ธนาคารโลก", report.OwnerNames(thai: true));
        Assert.NotNull(report.DueDate);
        Assert.StartsWith("ส่งลิงก์รายงานฉบับเต็ม", report.LatestUpdate);

        // Not carried: a cancelled item of the workshop, an item of the follow-up itself, an open item of another series' meeting.
        await AddItemAsync(workshop, "Cancelled at the workshop", ActionStatus.Cancelled);
        await AddItemAsync(followUp, "Raised at the follow-up", ActionStatus.Open);
        var otherSeries = await QueryAsync(async db =>
        {
            var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
            var series = db.MeetingSeries.Add(new Features.Series.MeetingSeries { NameTh = "ชุดอื่น", NameEn = "Another series", HostOrganizationId = kktt.Id }).Entity;
            var meeting = db.Meetings.Add(new Meeting { TitleTh = "ประชุมชุดอื่น", TitleEn = "Other series meeting", Date = new DateOnly(2024, 8, 1), StartTime = new TimeOnly(9, 0), HostOrganizationId = kktt.Id, Series = series }).Entity;
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        await AddItemAsync(otherSeries, "Open in another series", ActionStatus.Open);
        var opened = await AddItemAsync(workshop, "Raised later against the workshop", ActionStatus.Open);
        carried = await CarryForward.ForMeetingAsync(followUp);
        Assert.Equal(4, carried.Count);
        Assert.Contains(carried, i => i.ActionItemId == opened);

        // Live: the latest update and the status are read as they stand; an item done since drops out of the list…
        var reportId = await ItemAsync(DemoActionItems.WorldBankReportTitleEn);
        Assert.True((await ActionItems.PostUpdateAsync(reportId, new ActionUpdateForm { Text = "Data set sent." })).IsValid);
        Assert.Equal("Data set sent.", (await CarryForward.ForMeetingAsync(followUp)).Single(i => i.ActionItemId == reportId).LatestUpdate);
        Assert.True((await ActionItems.PostUpdateAsync(opened, new ActionUpdateForm { NewStatus = ActionStatus.Done })).IsValid);
        Assert.DoesNotContain(await CarryForward.ForMeetingAsync(followUp), i => i.ActionItemId == opened);
        // …unless the meeting said something about it: then it stays, with its status as it now is.
        Assert.True((await CarryForward.SaveNoteAsync(followUp, reportId, new CarriedNoteForm { NoteTh = "ที่ประชุมรับทราบ", NoteEn = "Noted." })).Succeeded);
        Assert.True((await ActionItems.PostUpdateAsync(reportId, new ActionUpdateForm { NewStatus = ActionStatus.Done })).IsValid);
        var done = Assert.Single(await CarryForward.ForMeetingAsync(followUp), i => i.ActionItemId == reportId);
        Assert.Equal((ActionStatus.Done, "ที่ประชุมรับทราบ", "Noted."), (done.Status, done.NoteTh, done.NoteEn));

        // The draft minutes carry the same list, under the standard agenda's item 3.
        var meeting = (await host.Get<MeetingService>().GetAsync(followUp))!;
        var document = await Minutes.DocumentAsync(meeting);
        Assert.True(document.AgendaItems.Single(i => i.Position == 3).MattersArising);
        Assert.Equal(carried.Count - 1, document.CarriedItems!.Count);

        // A note only for an item the meeting carries.
        Assert.Equal("Validation.NotFound", (await CarryForward.SaveNoteAsync(followUp, opened, new CarriedNoteForm { NoteTh = "x" })).Errors[""]!.Key);
    }

    [Fact]
    public async Task Approved_minutes_keep_the_carried_items_as_they_stood_when_approved()
    {
        var followUp = await FollowUpAsync();
        var reportId = await ItemAsync(DemoActionItems.WorldBankReportTitleEn);
        Assert.True((await CarryForward.SaveNoteAsync(followUp, reportId, new CarriedNoteForm { NoteTh = "ธนาคารโลกจะส่งข้อมูลภายในเดือนนี้", NoteEn = "The World Bank will send the data this month." })).Succeeded);
        Assert.True((await Minutes.TransitionAsync(followUp, MinutesTransition.SubmitForReview)).IsValid);
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await Minutes.TransitionAsync(followUp, MinutesTransition.Approve)).IsValid);
        await host.SignInAsRoleAsync(Roles.Staff);

        // Later the item moves on: done, with a new update, a new title and due date.
        Assert.True((await ActionItems.PostUpdateAsync(reportId, new ActionUpdateForm { Text = "All delivered.", NewStatus = ActionStatus.Done })).IsValid);
        await QueryAsync(async db =>
        {
            var item = await db.ActionItems.SingleAsync(i => i.Id == reportId);
            (item.TitleEn, item.DueDate) = ("Renamed afterwards", new DateOnly(2030, 1, 1));
            return await db.SaveChangesAsync();
        });

        foreach (var document in new[]
        {
            (await Minutes.GetVersionAsync(followUp, null))!.Value.Document,
            await Minutes.DocumentAsync((await host.Get<MeetingService>().GetAsync(followUp))!),
        })
        {
            var frozen = Assert.Single(document.CarriedItems!, i => i.ActionItemId == reportId);
            Assert.Equal(DemoActionItems.WorldBankReportTitleEn, frozen.TitleEn);
            Assert.Equal(ActionStatus.InProgress, frozen.Status);
            Assert.NotEqual(new DateOnly(2030, 1, 1), frozen.DueDate);
            Assert.StartsWith("ส่งลิงก์รายงานฉบับเต็ม", frozen.LatestUpdate);
            Assert.Equal("ธนาคารโลกจะส่งข้อมูลภายในเดือนนี้", frozen.NoteTh);
        }
        Assert.Equal(ActionStatus.InProgress, (await CarryForward.ForMeetingAsync(followUp)).Single(i => i.ActionItemId == reportId).Status);
        // What the meeting said is part of the approved minutes: no longer changed.
        Assert.Equal("Minutes.Locked", (await CarryForward.SaveNoteAsync(followUp, reportId, new CarriedNoteForm { NoteTh = "แก้" })).Errors[""]!.Key);

        // A correction keeps the items as approved, and takes the notes as the correction edits them.
        Assert.True((await Minutes.TransitionAsync(followUp, MinutesTransition.StartCorrection, "พิมพ์ผิด")).IsValid);
        var note = await CarryForward.NoteAsync(followUp, reportId);
        Assert.True((await CarryForward.SaveNoteAsync(followUp, reportId, note with { NoteEn = "Corrected note." })).Succeeded);
        var corrected = (await CarryForward.ForMeetingAsync(followUp)).Single(i => i.ActionItemId == reportId);
        Assert.Equal((ActionStatus.InProgress, "Corrected note."), (corrected.Status, corrected.NoteEn));
    }

    [Fact]
    public async Task Confirming_the_previous_minutes_with_corrections_opens_their_next_version_with_the_reason()
    {
        var followUp = await FollowUpAsync();
        var workshop = await WorkshopAsync();
        var confirming = await QueryAsync(db => db.AgendaItems.SingleAsync(i => i.MeetingId == followUp && i.ConfirmsPreviousMinutes));
        Assert.Equal(2, confirming.Position);

        // With corrections, what was corrected is required.
        var empty = new ConfirmationForm { Version = confirming.Version, Confirmation = MinutesConfirmation.WithCorrections };
        Assert.Equal("CarryForward.CorrectionsRequired", (await CarryForward.RecordConfirmationAsync(followUp, confirming.Id, empty)).Errors[nameof(empty.CorrectionsTh)]!.Key);

        var form = empty with { CorrectionsTh = "แก้ไขชื่อผู้แทนธนาคารแห่งประเทศไทยในรายชื่อผู้มาประชุม", CorrectionsEn = "The Bank of Thailand's representative's name corrected." };
        var opening = await CarryForward.CorrectionOpeningAsync(followUp, confirming.Id, form);
        Assert.NotNull(opening);
        Assert.Equal((workshop, 2), (opening.MeetingId, opening.NextVersion));
        Assert.Contains("แก้ไขชื่อผู้แทนธนาคารแห่งประเทศไทย", opening.Reason);
        // Nothing is opened before staff confirm.
        Assert.Equal(MinutesStatus.Approved, await QueryAsync(db => db.Meetings.Where(m => m.Id == workshop).Select(m => m.MinutesStatus).SingleAsync()));

        Assert.True((await CarryForward.RecordConfirmationAsync(followUp, confirming.Id, form)).Succeeded);
        var previous = await QueryAsync(db => db.Meetings.SingleAsync(m => m.Id == workshop));
        Assert.Equal((MinutesStatus.Draft, 2), (previous.MinutesStatus, previous.MinutesVersion));
        Assert.Equal(opening.Reason, previous.CorrectionReason);
        Assert.StartsWith("ที่ประชุมครั้งที่ 1/", previous.CorrectionReason);
        var recorded = await QueryAsync(db => db.AgendaItems.SingleAsync(i => i.Id == confirming.Id));
        Assert.Equal((MinutesConfirmation.WithCorrections, 2), (recorded.Confirmation, recorded.CorrectedVersion));

        // The draft minutes print the confirmation; recording it again opens no other version.
        var document = await Minutes.DocumentAsync((await host.Get<MeetingService>().GetAsync(followUp))!);
        Assert.Equal(MinutesConfirmation.WithCorrections, document.AgendaItems.Single(i => i.Position == 2).Confirmation);
        Assert.Null(await CarryForward.CorrectionOpeningAsync(followUp, confirming.Id, form with { Version = recorded.Version }));
        Assert.True((await CarryForward.RecordConfirmationAsync(followUp, confirming.Id, form with { Version = recorded.Version, CorrectionsEn = "Edited." })).Succeeded);
        Assert.Equal(2, await QueryAsync(db => db.Meetings.Where(m => m.Id == workshop).Select(m => m.MinutesVersion).SingleAsync()));

        // Having opened version 2, the item stays "with corrections" (the version's reason quotes them): turning it to
        // "without correction" is refused next to the choice; an out-of-date form is refused as a conflict.
        var current = await QueryAsync(db => db.AgendaItems.SingleAsync(i => i.Id == confirming.Id));
        var refused = await CarryForward.RecordConfirmationAsync(followUp, confirming.Id, new ConfirmationForm { Version = current.Version, Confirmation = MinutesConfirmation.WithoutCorrection });
        Assert.Equal("CarryForward.CorrectionAlreadyOpened", refused.Errors[nameof(ConfirmationForm.Confirmation)]?.Key);
        Assert.NotNull((await CarryForward.RecordConfirmationAsync(followUp, confirming.Id, form with { Version = recorded.Version, CorrectionsEn = "Stale." })).Conflict);
        var kept = await QueryAsync(db => db.AgendaItems.SingleAsync(i => i.Id == confirming.Id));
        Assert.Equal((MinutesConfirmation.WithCorrections, "Edited."), (kept.Confirmation, kept.CorrectionsEn));
    }

    [Fact]
    public async Task A_follow_up_is_raised_prefilled_and_linked_to_the_meeting_and_the_item_it_follows()
    {
        var followUp = await FollowUpAsync();
        var arising = await QueryAsync(db => db.AgendaItems.SingleAsync(i => i.MeetingId == followUp && i.MattersArising));
        var reportId = await ItemAsync(DemoActionItems.WorldBankReportTitleEn);
        var data = (await ActionItems.EditorAsync(null, followUp, arising.Id, reportId))!;
        Assert.Equal((followUp, arising.Id, reportId), (data.Form.MeetingId, data.Form.AgendaItemId, data.Form.FollowsActionItemId));
        Assert.Equal("Follow-up: " + DemoActionItems.WorldBankReportTitleEn, data.Form.TitleEn);
        Assert.StartsWith("ติดตาม: ธนาคารโลก", data.Form.TitleTh);
        var worldBank = await QueryAsync(db => db.Organizations.Where(o => o.Acronym == "WB").Select(o => o.Id).SingleAsync());
        Assert.Equal([worldBank], data.Form.OwnerOrganizationIds);
        Assert.NotNull(data.Form.AssigneeId);

        var saved = await ActionItems.SaveAsync(null, data.Form);
        Assert.True(saved.Succeeded);
        var item = await QueryAsync(db => db.ActionItems.SingleAsync(i => i.Id == saved.Id));
        Assert.Equal((followUp, arising.Id, reportId), (item.MeetingId, item.AgendaItemId, item.FollowsActionItemId));
    }

    [Fact]
    public async Task Only_editors_record_notes_and_confirmations_and_partners_read_no_carried_items()
    {
        var followUp = await FollowUpAsync();
        var reportId = await ItemAsync(DemoActionItems.WorldBankReportTitleEn);
        var confirming = await QueryAsync(db => db.AgendaItems.SingleAsync(i => i.MeetingId == followUp && i.ConfirmsPreviousMinutes));
        foreach (var role in new[] { Roles.Coordinator, Roles.Partner })
        {
            await host.SignInAsRoleAsync(role);
            await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => CarryForward.SaveNoteAsync(followUp, reportId, new CarriedNoteForm { NoteTh = "x" }));
            await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => CarryForward.RecordConfirmationAsync(followUp, confirming.Id,
                new ConfirmationForm { Version = confirming.Version, Confirmation = MinutesConfirmation.WithoutCorrection }));
        }
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => CarryForward.ForMeetingAsync(followUp));
        Assert.Null(await QueryAsync(db => db.CarriedItemNotes.FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task A_partner_reads_in_the_approved_minutes_only_the_carried_items_its_organization_owns()
    {
        var followUp = await FollowUpAsync();
        Assert.True((await Minutes.TransitionAsync(followUp, MinutesTransition.SubmitForReview)).IsValid);
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await Minutes.TransitionAsync(followUp, MinutesTransition.Approve)).IsValid);
        Assert.Equal(3, (await Minutes.GetVersionAsync(followUp, null))!.Value.Document.CarriedItems!.Count);

        await host.SignInAsRoleAsync(Roles.Partner);
        var printable = await host.Get<MinutesPdfService>().LoadAsync(followUp);
        Assert.NotNull(printable);
        Assert.True(printable.OwnActionItemsOnly);
        Assert.Equal([DemoActionItems.WorldBankReportTitleEn], printable.Document.CarriedItems!.Select(i => i.TitleEn));
    }
}
