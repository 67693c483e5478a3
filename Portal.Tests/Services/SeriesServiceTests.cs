using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.Organizations;
using Portal.Features.Series;
using Portal.Features.CheckIn;
using Portal.Features.Invitations;
using Portal.Features.Letters;
using Portal.Features.ActionItems;

namespace Portal.Tests.Services;

/// <summary>Meeting series: numbering ครั้งที่ N/ปี, what a new meeting starts from, and who may do what.</summary>
public class SeriesServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private SeriesService Series => host.Get<SeriesService>();
    private MeetingService Meetings => host.Get<MeetingService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<int> KkttAsync() => (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;

    private async Task<int> NewSeriesAsync(string nameEn = "Working group on transit")
    {
        var result = await Series.SaveAsync(null, new SeriesForm { NameTh = "คณะทำงานด้านขนส่ง", NameEn = nameEn, HostOrganizationId = await KkttAsync() });
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Keys));
        return result.Id!.Value;
    }

    private async Task<MeetingForm> FormAsync(int? seriesId, DateTime date, int? number = null, int? previousId = null) => new()
    {
        Kind = MeetingKind.Consultation, TitleTh = "ประชุมคณะทำงาน", TitleEn = "Working group meeting", SeriesId = seriesId,
        Date = date, StartTime = new TimeSpan(9, 0, 0), HostOrganizationId = await KkttAsync(), Number = number, PreviousMeetingId = previousId,
    };

    private async Task<Meeting> NewMeetingAsync(int? seriesId, DateTime date, MeetingStart start = MeetingStart.Blank, int? number = null, int? previousId = null)
    {
        var result = await Meetings.SaveAsync(null, await FormAsync(seriesId, date, number, previousId), start);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));
        return (await Meetings.GetAsync(result.Id!.Value))!;
    }

    [Fact]
    public async Task New_meetings_of_a_series_are_numbered_within_their_year_and_follow_the_latest_earlier_meeting()
    {
        var series = await NewSeriesAsync();
        var first = await NewMeetingAsync(series, new DateTime(2026, 1, 20));
        var second = await NewMeetingAsync(series, new DateTime(2026, 3, 10));
        var third = await NewMeetingAsync(series, new DateTime(2026, 6, 2));
        Assert.Equal([1, 2, 3], new[] { first.Number, second.Number, third.Number });
        Assert.Null(first.PreviousMeetingId);
        Assert.Equal(first.Id, second.PreviousMeetingId);
        Assert.Equal(second.Id, third.PreviousMeetingId);
        Assert.Equal("ครั้งที่ 2/2569", MeetingText.Number(second.Number!.Value, second.Date, thai: true));
        Assert.Equal("No. 2/2026", MeetingText.Number(second.Number!.Value, second.Date, thai: false));

        // A new year starts again at 1, and still follows the last meeting of the year before.
        var nextYear = await NewMeetingAsync(series, new DateTime(2027, 1, 15));
        Assert.Equal(1, nextYear.Number);
        Assert.Equal(third.Id, nextYear.PreviousMeetingId);
        Assert.Equal("ครั้งที่ 1/2570", MeetingText.Number(1, nextYear.Date, thai: true));

        // Another series counts on its own, and a meeting of no series gets no number.
        var other = await NewMeetingAsync(await NewSeriesAsync("Another series"), new DateTime(2026, 3, 10));
        Assert.Equal(1, other.Number);
        Assert.Null(other.PreviousMeetingId);
        Assert.Null((await NewMeetingAsync(null, new DateTime(2026, 3, 10))).Number);

        // The series page lists its meetings in date order.
        var detail = (await Series.GetAsync(series))!;
        Assert.Equal([first.Id, second.Id, third.Id, nextYear.Id], detail.Meetings.Select(m => m.Id));
    }

    [Fact]
    public async Task Staff_correct_numbers_and_a_taken_number_is_refused_while_changed_dates_and_deletions_renumber_nothing()
    {
        var series = await NewSeriesAsync();
        var first = await NewMeetingAsync(series, new DateTime(2026, 2, 1));
        // Staff can give a number of their own: the series was at 4 before the portal.
        var fifth = await NewMeetingAsync(series, new DateTime(2026, 3, 1), number: 5);
        Assert.Equal(5, fifth.Number);
        Assert.Equal(6, (await Series.SuggestAsync(series, new DateOnly(2026, 4, 1)))!.Number);

        // A number the series already has that year is refused, naming the field.
        var taken = await Meetings.SaveAsync(null, await FormAsync(series, new DateTime(2026, 4, 1), number: 5));
        Assert.False(taken.Succeeded);
        Assert.Equal("Series.DuplicateNumber", taken.Errors[nameof(MeetingForm.Number)]!.Key);

        // Moving a meeting to another year keeps its number: nothing is renumbered behind the staff's back...
        var moved = MeetingForm.From(fifth) with { Date = new DateTime(2027, 3, 1) };
        Assert.True((await Meetings.SaveAsync(fifth.Id, moved)).Succeeded);
        fifth = (await Meetings.GetAsync(fifth.Id))!;
        Assert.Equal(5, fifth.Number);
        Assert.Equal(1, (await Meetings.GetAsync(first.Id))!.Number);
        // ...and the staff correct it themselves.
        Assert.True((await Meetings.SaveAsync(fifth.Id, MeetingForm.From(fifth) with { Number = 1 })).Succeeded);
        Assert.Equal(1, (await Meetings.GetAsync(fifth.Id))!.Number);
        // Moving it back onto a year where its number is taken is refused until corrected.
        var back = await Meetings.SaveAsync(fifth.Id, MeetingForm.From((await Meetings.GetAsync(fifth.Id))!) with { Date = new DateTime(2026, 5, 1) });
        Assert.Equal("Series.DuplicateNumber", back.Errors[nameof(MeetingForm.Number)]!.Key);

        // A deleted meeting's number is not given again to the next meeting (it could be restored), nor are others renumbered.
        var second = await NewMeetingAsync(series, new DateTime(2026, 6, 1));
        Assert.Equal(2, second.Number);
        await Meetings.DeleteAsync(second.Id);
        var next = await NewMeetingAsync(series, new DateTime(2026, 7, 1));
        Assert.Equal(3, next.Number);
        Assert.Equal(first.Id, next.PreviousMeetingId);
        Assert.Equal(1, (await Meetings.GetAsync(first.Id))!.Number);
        // The staff may still reuse it deliberately.
        var reused = MeetingForm.From(next) with { Number = 2 };
        Assert.True((await Meetings.SaveAsync(next.Id, reused)).Succeeded);
    }

    [Fact]
    public async Task A_new_meeting_starts_from_the_standard_Thai_agenda_naming_the_minutes_it_confirms()
    {
        var series = await NewSeriesAsync();
        var first = await NewMeetingAsync(series, new DateTime(2026, 1, 20), MeetingStart.StandardAgenda);
        var second = await NewMeetingAsync(series, new DateTime(2026, 3, 10), MeetingStart.StandardAgenda);

        Assert.Equal(
            ["เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "เรื่องรับรองรายงานการประชุมครั้งที่ 1/2569", "เรื่องสืบเนื่อง", "เรื่องเพื่อพิจารณา", "เรื่องอื่น ๆ (ถ้ามี)"],
            second.AgendaItems.Select(i => i.TopicTh));
        Assert.Equal(
            ["Matters the chair informs the meeting of", "Confirmation of the minutes of meeting No. 1/2026", "Matters arising",
             "Matters for consideration", "Other matters (if any)"],
            second.AgendaItems.Select(i => i.TopicEn));
        Assert.Equal([1, 2, 3, 4, 5], second.AgendaItems.Select(i => i.Position));
        Assert.Equal([false, true, false, false, false], second.AgendaItems.Select(i => i.ConfirmsPreviousMinutes));
        // The first of a series has no earlier minutes to name.
        Assert.Equal("เรื่องรับรองรายงานการประชุมครั้งที่แล้ว", first.AgendaItems[1].TopicTh);
        Assert.Empty(second.Attendees);

        // The items are ordinary ones: edited afterwards like any other.
        var item = second.AgendaItems[3];
        var edited = await host.Get<AgendaService>().SaveAsync(second.Id, item.Id,
            AgendaItemForm.From(item) with { TopicTh = "เรื่องเพื่อพิจารณา: แผนรถไฟฟ้ารางเบา", TopicEn = "For consideration: the light-rail plan" });
        Assert.True(edited.Succeeded);
        Assert.Equal("For consideration: the light-rail plan", (await Meetings.GetAsync(second.Id))!.AgendaItems[3].TopicEn);

        // Blank is blank.
        var blank = await NewMeetingAsync(series, new DateTime(2026, 4, 10));
        Assert.Empty(blank.AgendaItems);
        Assert.Empty(blank.Attendees);
    }

    [Fact]
    public async Task A_copy_of_the_previous_meeting_takes_its_topics_and_expected_people_but_nothing_said_or_recorded()
    {
        var workshop = (await Meetings.GetAsync(2))!;
        Assert.Equal(DemoMeetings.WorkshopTitleEn, workshop.TitleEn);
        var form = await FormAsync(workshop.SeriesId, new DateTime(2024, 10, 1)) with { PreviousMeetingId = workshop.Id };
        var result = await Meetings.SaveAsync(null, form, MeetingStart.CopyOfPrevious);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Keys));
        var copy = (await Meetings.GetAsync(result.Id!.Value))!;

        Assert.Equal(workshop.AgendaItems.Select(i => i.TopicTh), copy.AgendaItems.Select(i => i.TopicTh));
        Assert.Equal(workshop.AgendaItems.Select(i => i.TopicEn), copy.AgendaItems.Select(i => i.TopicEn));
        Assert.All(copy.AgendaItems, i => Assert.True(i.DiscussionTh is null && i.DiscussionEn is null && i.ResolutionTh is null && i.ResolutionEn is null && i.PresenterId is null));
        Assert.Equal(
            workshop.Attendees.Select(a => (a.PersonId, a.OrganizationId, a.PositionTh, a.PositionEn, a.Role)).Order(),
            copy.Attendees.Select(a => (a.PersonId, a.OrganizationId, a.PositionTh, a.PositionEn, a.Role)).Order());
        Assert.All(copy.Attendees, a => Assert.True(a.Status == AttendanceStatus.Present && a.OnBehalfOf is null && a.AbsenceReason is null));
        Assert.Equal(MinutesStatus.Draft, copy.MinutesStatus);
        // Numbered in the series after the workshop (No. 1/2567); the demo's follow-up falls in another year.
        Assert.Equal(2, copy.Number);
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            Assert.False(await db.ActionItems.AnyAsync(a => a.MeetingId == copy.Id));

        // Nothing to copy: refused, and nothing created.
        var none = await Meetings.SaveAsync(null, await FormAsync(null, new DateTime(2026, 1, 5)), MeetingStart.CopyOfPrevious);
        Assert.False(none.Succeeded);
        Assert.Equal("Series.NothingToCopy", none.Errors[nameof(MeetingForm.PreviousMeetingId)]!.Key);
    }

    [Fact]
    public async Task The_demo_workshop_opens_its_series_and_the_follow_up_confirms_its_minutes()
    {
        var workshop = (await Meetings.GetAsync(2))!;
        Assert.Equal(1, workshop.Number);
        Assert.Equal(DemoMeetings.SeriesNameEn, workshop.Series!.NameEn);
        var detail = (await Series.GetAsync(workshop.SeriesId!.Value))!;
        Assert.Equal("KKTT", detail.Series.HostOrganization!.Acronym);
        var followUpRow = Assert.Single(detail.Meetings, m => m.Id != workshop.Id);
        Assert.Equal([workshop.Id, followUpRow.Id], detail.Meetings.Select(m => m.Id));
        var followUp = (await Meetings.GetAsync(followUpRow.Id))!;
        // Two weeks ahead, the series' first meeting of that year by the numbering rule.
        Assert.Equal(ActionDue.Today(TimeProvider.System).AddDays(14), followUp.Date);
        Assert.Equal(1, followUp.Number);
        Assert.Equal(workshop.Id, followUp.PreviousMeetingId);
        Assert.Equal(MinutesStatus.Draft, followUp.MinutesStatus);
        Assert.Equal("เรื่องรับรองรายงานการประชุมครั้งที่ 1/2567", followUp.AgendaItems[1].TopicTh);
        Assert.True(followUp.AgendaItems[1].ConfirmsPreviousMinutes);
        Assert.Equal(5, followUp.AgendaItems.Count);
        Assert.Equal(workshop.Attendees.Count, followUp.Attendees.Count);
        // The printed minutes carry the series and the number.
        var document = MinutesDocument.From(followUp);
        Assert.Equal(DemoMeetings.SeriesNameEn, document.Series!.En);
        Assert.Equal(1, document.Number);
    }

    [Fact]
    public async Task The_demo_follow_up_is_prepared_invited_partly_answered_with_letters_and_check_in_ready()
    {
        var followUpId = (await Series.GetAsync((await Meetings.GetAsync(2))!.SeriesId!.Value))!.Meetings.Single(m => m.Id != 2).Id;
        var invitations = await host.Get<InvitationService>().ListAsync(followUpId);
        var invitedOrganizations = invitations.Select(i => i.Organization!.Acronym).Distinct().ToList();
        Assert.Equal(DemoMeetings.WorkshopOrganizations.Where(a => a != DemoOrganizations.Kktt).Order(), invitedOrganizations.Order());
        Assert.All(invitations, i => Assert.NotNull(i.SentAt));
        var counts = InvitationService.Count(invitations);
        Assert.Equal((2, 1, 1), (counts.Attending, counts.Representative, counts.Declined));
        var representative = Assert.Single(invitations, i => i.Status == InvitationStatus.Representative);
        Assert.Equal(DemoOrganizations.Kku, representative.Organization!.Acronym);
        Assert.False(string.IsNullOrEmpty(representative.RepresentativeName));
        var declined = Assert.Single(invitations, i => i.Status == InvitationStatus.Declined);
        Assert.False(string.IsNullOrEmpty(declined.DeclineReason));
        // The one who declined is excused on the attendee list, with the reason; the rest are still expected.
        var followUp = (await Meetings.GetAsync(followUpId))!;
        var excused = Assert.Single(followUp.Attendees, a => a.Status == AttendanceStatus.Excused);
        Assert.Equal(declined.PersonId, excused.PersonId);
        Assert.Equal(declined.DeclineReason, excused.AbsenceReason);
        // Letters: one per invited organization, with the purpose written.
        var letters = host.Get<LetterService>();
        Assert.Equal(invitedOrganizations.Count, (await letters.AddresseesAsync(followUpId)).Count);
        Assert.False(string.IsNullOrEmpty((await letters.TextAsync(followUpId)).PurposeTh));
        // The check-in page exists and opens on the day.
        Assert.NotNull(await host.Get<CheckInService>().LinkAsync(followUpId));
        Assert.Equal(CheckInState.NotYetOpen, (await host.Get<CheckInService>().DoorAsync(followUpId))!.State);
    }

    [Fact]
    public async Task Only_those_who_edit_meetings_create_series_and_partners_see_none()
    {
        var series = await NewSeriesAsync();
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.NotEmpty(await Series.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.SaveAsync(null, new SeriesForm { NameTh = "ก", NameEn = "A", HostOrganizationId = 1 }));

        await host.SignInAsRoleAsync(Roles.Partner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.SaveAsync(null, new SeriesForm { NameTh = "ก", NameEn = "A", HostOrganizationId = 1 }));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.SaveAsync(series, new SeriesForm { NameTh = "ก", NameEn = "A", HostOrganizationId = 1 }));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.DeleteAsync(series));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.GetAsync(series));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Series.SuggestAsync(series, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task A_series_needs_both_names_and_a_host_and_its_deletion_keeps_its_meetings_and_their_numbers()
    {
        var invalid = await Series.SaveAsync(null, new SeriesForm { NameTh = " ", NameEn = "" });
        Assert.Equal(["HostOrganizationId", "NameEn", "NameTh"], invalid.Errors.All.Keys.Order());

        var series = await NewSeriesAsync();
        var meeting = await NewMeetingAsync(series, new DateTime(2026, 5, 5));
        var stored = (await Series.GetAsync(series))!.Series;
        Assert.True((await Series.SaveAsync(series, SeriesForm.From(stored) with { NameEn = "Transit working group" })).Succeeded);
        // An out-of-date form is refused rather than written over the change.
        Assert.NotNull((await Series.SaveAsync(series, SeriesForm.From(stored) with { NameEn = "Stale" })).Conflict);

        await Series.DeleteAsync(series);
        Assert.Null(await Series.GetAsync(series));
        Assert.DoesNotContain(await Series.ChoicesAsync(), s => s.Id == series);
        meeting = (await Meetings.GetAsync(meeting.Id))!;
        Assert.Equal(1, meeting.Number);
        Assert.Equal("Transit working group", meeting.Series!.NameEn);
        // Its meetings can still be edited; a new meeting cannot join it.
        Assert.True((await Meetings.SaveAsync(meeting.Id, MeetingForm.From(meeting) with { TitleEn = "Renamed" })).Succeeded);
        var joining = await Meetings.SaveAsync(null, await FormAsync(series, new DateTime(2026, 6, 6)));
        Assert.Equal("Validation.NotFound", joining.Errors[nameof(MeetingForm.SeriesId)]!.Key);
    }
}
