using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Services;

public class MeetingServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private MeetingService Meetings => host.Get<MeetingService>();
    private MeetingListService MeetingLists => host.Get<MeetingListService>();
    private MeetingLinksService Links => host.Get<MeetingLinksService>();
    private AgendaService Agenda => host.Get<AgendaService>();
    private AttendanceService Attendance => host.Get<AttendanceService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<int> OrganizationIdAsync(string acronym) =>
        (await host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == acronym).Id;

    private async Task<int> PersonIdAsync(string givenNameEn) =>
        (await host.Get<PersonService>().ListAsync(new ListQuery(givenNameEn, 0, 5, null, false))).Items.First(p => p.GivenNameEn == givenNameEn).Id;

    private async Task<List<string>> SearchAsync(string? term, MeetingFilter? filter = null) =>
        (await MeetingLists.ListAsync(new ListQuery(term, 0, 50, null, false), filter ?? new MeetingFilter())).Items.Select(m => m.TitleEn).ToList();

    private async Task<int> WorkshopIdAsync() =>
        (await MeetingLists.ListAsync(new ListQuery("Aiyara", 0, 5, null, false), new MeetingFilter())).Items.Single().Id;

    internal async Task<int> NewDraftAsync(int? number = null, int? previousId = null, string title = "ประชุมทดสอบ")
    {
        var result = await Meetings.SaveAsync(null, new MeetingForm
        {
            Kind = MeetingKind.Consultation, TitleTh = title, TitleEn = "Test meeting " + Guid.NewGuid().ToString("N")[..6],
            Date = new DateTime(2024, 8, 15), StartTime = new TimeSpan(9, 0, 0), EndTime = new TimeSpan(12, 0, 0),
            HostOrganizationId = await OrganizationIdAsync("KKTT"), Number = number, PreviousMeetingId = previousId,
        });
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Keys));
        return result.Id!.Value;
    }

    [Fact]
    public async Task A_meeting_takes_at_most_50_agenda_items_and_300_attendees_so_that_its_record_always_prints()
    {
        var id = await NewDraftAsync();
        for (var i = 1; i <= AgendaService.MaxItemsPerMeeting; i++)
            Assert.True((await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = $"วาระ {i}", TopicEn = $"Item {i}" })).Succeeded);
        var oneMore = await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "วาระเกิน", TopicEn = "One too many" });
        Assert.False(oneMore.Succeeded);
        Assert.Equal("Agenda.TooMany", oneMore.Errors[""]!.Key);
        // Editing an item of a full agenda still works.
        var first = (await Meetings.GetAsync(id))!.AgendaItems.OrderBy(i => i.Position).First();
        Assert.True((await Agenda.SaveAsync(id, first.Id, new AgendaItemForm { Version = first.Version, TopicTh = "วาระแรก", TopicEn = "First" })).Succeeded);

        // A seminar's worth of people, all but the last listed directly; the service takes the last one and refuses one more.
        var people = Enumerable.Range(0, AttendanceService.MaxAttendeesPerMeeting + 1)
            .Select(i => new Person { GivenNameTh = $"ผู้เข้าร่วม{i}", GivenNameEn = $"Attendee{i}" }).ToList();
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            db.Attendees.AddRange(people.Take(AttendanceService.MaxAttendeesPerMeeting - 1).Select(p => new Attendee { MeetingId = id, PersonId = p.Id }));
            await db.SaveChangesAsync();
        }
        Assert.True((await Attendance.SaveAsync(id, null, new AttendeeForm { PersonId = people[^2].Id })).Succeeded);
        var extra = await Attendance.SaveAsync(id, null, new AttendeeForm { PersonId = people[^1].Id });
        Assert.False(extra.Succeeded);
        Assert.Equal("Attendee.TooMany", extra.Errors[""]!.Key);
    }

    [Fact]
    public async Task After_a_section_saves_only_its_part_and_the_meetings_own_fields_are_read_again()
    {
        var id = await NewDraftAsync();
        Assert.True((await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "วาระแรก", TopicEn = "First" })).Succeeded);
        Assert.True((await Links.SetTagsAsync(id, ["เมืองอัจฉริยะ"])).IsValid);
        var shown = (await Meetings.GetAsync(id))!;

        Assert.True((await Attendance.SaveAsync(id, null, new AttendeeForm { PersonId = await PersonIdAsync("Melinda") })).Succeeded);
        Assert.True((await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "วาระที่สอง", TopicEn = "Second" })).Succeeded);
        var reloaded = (await Meetings.ReloadAsync(shown, MeetingParts.Attendees))!;

        Assert.Equal("Melinda", Assert.Single(reloaded.Attendees).Person!.GivenNameEn);
        // The agenda was not said to have changed: it is kept as shown, not read again.
        Assert.Same(shown.AgendaItems, reloaded.AgendaItems);
        Assert.Single(reloaded.AgendaItems);
        Assert.Same(shown.Tags, reloaded.Tags);
        Assert.Equal("KKTT", reloaded.HostOrganization!.Acronym);
        Assert.Equal(["วาระแรก", "วาระที่สอง"], (await Meetings.ReloadAsync(reloaded, MeetingParts.Agenda))!.AgendaItems.Select(i => i.TopicTh));

        // The meeting's own fields are always current (an administrator still sees a deleted meeting, marked so); a meeting
        // gone from the user's view reloads as nothing.
        await Meetings.DeleteAsync(id);
        Assert.Null(await Meetings.ReloadAsync(reloaded, MeetingParts.None));
        await host.SignInAsRoleAsync(Roles.Admin);
        Assert.NotNull((await Meetings.ReloadAsync(reloaded, MeetingParts.None))!.DeletedAt);
        await host.SignInAsRoleAsync(Roles.Partner);
        Assert.Null(await Meetings.ReloadAsync(reloaded, MeetingParts.None));
    }

    [Fact]
    public async Task The_demo_workshop_is_recorded_in_full()
    {
        var workshop = (await Meetings.GetAsync(await WorkshopIdAsync()))!;
        Assert.Equal("ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", workshop.TitleTh);
        Assert.Equal(new DateOnly(2024, 7, 31), workshop.Date);
        Assert.Equal(DayOfWeek.Wednesday, workshop.Date.DayOfWeek);
        Assert.Equal("ห้องประชุมไอยรา, โรงแรมพูลแมน ขอนแก่น ราชา ออคิด", workshop.Venue(thai: true));
        Assert.Equal("KKTT", workshop.HostOrganization!.Acronym);
        Assert.Equal("WB", Assert.Single(workshop.CoHosts).Organization!.Acronym);
        Assert.Equal(new AttendanceTally(19, 19), AttendanceTally.Of(workshop.Attendees));
        Assert.Equal("19 คน จาก 19 หน่วยงาน", MeetingText.Tally(AttendanceTally.Of(workshop.Attendees), thai: true));
        Assert.Equal("19 people from 19 organizations", MeetingText.Tally(AttendanceTally.Of(workshop.Attendees), thai: false));
        Assert.Equal(DemoMeetings.WorkshopOrganizations.Order(), workshop.Attendees.Select(a => a.Organization!.Acronym!).Order());

        var chair = Assert.Single(workshop.Attendees, a => a.Role == AttendeeRole.Chair);
        Assert.Equal("นายสุรเดช ทวีแสงสกุลไทย", PersonNames.Full(chair.Person!, thai: true));
        Assert.Equal("Melinda", Assert.Single(workshop.Attendees, a => a.Role == AttendeeRole.Presenter).Person!.GivenNameEn);

        Assert.Equal([1, 2, 3, 4], workshop.AgendaItems.Select(i => i.Position));
        Assert.Contains("Thailand Economic Monitor", workshop.AgendaItems[1].TopicEn);
        Assert.Contains("15 เท่า", workshop.AgendaItems[1].DiscussionTh);
        Assert.Contains("โทเคน", workshop.AgendaItems[2].DiscussionTh);
        Assert.Contains("Unlocking the Growth Potential of Secondary Cities", Assert.Single(workshop.References).Title);
        Assert.Equal(4, workshop.RelatedActivities.Count(r => r.RelatedMeetingId is null));
        Assert.Contains("SCOPC", workshop.RelatedActivities.Single(r => r.RelatedMeetingId is not null).RelatedMeeting!.TitleEn);
        Assert.Contains(workshop.Tags, t => t.Name == "Funding City");
        Assert.Equal(MinutesStatus.Approved, workshop.MinutesStatus);
        var version = Assert.Single(await host.Get<MinutesService>().VersionsAsync(workshop.Id));
        Assert.Equal("Coordinator (demo)", version.ApprovedBy.In(thai: false));
    }

    [Fact]
    public async Task Search_finds_meetings_by_Thai_substring_English_word_organization_and_tag()
    {
        Assert.Equal([DemoMeetings.WorkshopTitleEn], await SearchAsync("ไอยรา"));
        Assert.Equal([DemoMeetings.FollowUpTitleEn, DemoMeetings.WorkshopTitleEn], await SearchAsync("khon kaen smart"));   // the workshop and its series' follow-up
        Assert.Equal(3, (await SearchAsync("ธนาคารโลก")).Count);   // an attending organization's Thai name
        Assert.Equal(3, (await SearchAsync("KKU")).Count);          // an attending organization's acronym
        Assert.Equal([DemoMeetings.FollowUpTitleEn, DemoMeetings.WorkshopTitleEn], await SearchAsync("transit"));   // a tag; the follow-up expects Khon Kaen Transit System
        Assert.Empty(await SearchAsync("ไม่มีการประชุมนี้"));
    }

    [Fact]
    public async Task Filters_take_the_year_in_either_era_and_the_kind_and_status()
    {
        Assert.Equal(2, (await SearchAsync(null, new MeetingFilter(Year: 2567))).Count);   // the follow-up is two weeks ahead of today
        Assert.Equal(2, (await SearchAsync(null, new MeetingFilter(Year: 2024))).Count);
        Assert.Empty(await SearchAsync(null, new MeetingFilter(Year: 2566)));
        Assert.Single(await SearchAsync(null, new MeetingFilter(Kind: MeetingKind.SiteVisit)));
        Assert.Equal(2, (await SearchAsync(null, new MeetingFilter(Status: MinutesStatus.Approved))).Count);
        await NewDraftAsync();
        Assert.Equal(2, (await SearchAsync(null, new MeetingFilter(Status: MinutesStatus.Draft))).Count);   // and the demo's follow-up
        Assert.Equal(2, (await MeetingLists.MonthAsync(2024, 7, null, new MeetingFilter())).Count);
        Assert.Single(await MeetingLists.MonthAsync(2024, 8, null, new MeetingFilter()));
    }

    [Fact]
    public async Task An_organization_and_a_person_list_the_meetings_they_took_part_in()
    {
        var rawee = await PersonIdAsync("Rawee");
        Assert.Equal(3, (await SearchAsync(null, new MeetingFilter(PersonId: rawee))).Count);   // expected at the follow-up too
        var wanida = await PersonIdAsync("Wanida");
        Assert.Single(await SearchAsync(null, new MeetingFilter(PersonId: wanida)));
        Assert.Equal(2, (await SearchAsync(null, new MeetingFilter(OrganizationId: await OrganizationIdAsync("ZC-KK")))).Count);
    }

    [Fact]
    public async Task The_editor_refuses_bad_input_field_by_field()
    {
        var result = await Meetings.SaveAsync(null, new MeetingForm { TitleTh = " ", StartTime = new TimeSpan(10, 0, 0), EndTime = new TimeSpan(9, 0, 0), Number = 0 });
        Assert.False(result.Succeeded);
        foreach (var field in new[] { nameof(MeetingForm.TitleTh), nameof(MeetingForm.TitleEn), nameof(MeetingForm.Date), nameof(MeetingForm.HostOrganizationId), nameof(MeetingForm.EndTime), nameof(MeetingForm.Number) })
            Assert.True(result.Errors.Has(field), field);

        await NewDraftAsync(number: 3);
        var duplicate = await Meetings.SaveAsync(null, new MeetingForm
        {
            TitleTh = "ซ้ำ", TitleEn = "Duplicate", Date = new DateTime(2024, 12, 1), StartTime = new TimeSpan(9, 0, 0),
            HostOrganizationId = await OrganizationIdAsync("KKTT"), Number = 3,
        });
        Assert.Equal("Meeting.DuplicateNumber", duplicate.Errors[nameof(MeetingForm.Number)]!.Key);
    }

    [Fact]
    public async Task Agenda_items_are_numbered_in_order_and_can_be_moved_and_removed()
    {
        var id = await NewDraftAsync();
        foreach (var topic in new[] { "หนึ่ง", "สอง", "สาม" })
            Assert.True((await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = topic, TopicEn = topic })).Succeeded);
        async Task<string[]> TopicsAsync() => (await Meetings.GetAsync(id))!.AgendaItems.Select(i => $"{i.Position}{i.TopicTh}").ToArray();

        var third = (await Meetings.GetAsync(id))!.AgendaItems[2].Id;
        await Agenda.MoveAsync(id, third, 1);
        Assert.Equal(["1สาม", "2หนึ่ง", "3สอง"], await TopicsAsync());
        await Agenda.MoveAsync(id, third, 99);
        Assert.Equal(["1หนึ่ง", "2สอง", "3สาม"], await TopicsAsync());
        var second = (await Meetings.GetAsync(id))!.AgendaItems[1].Id;
        await Agenda.RemoveAsync(id, second);
        Assert.Equal(["1หนึ่ง", "2สาม"], await TopicsAsync());
        // Removed from the agenda, not from the record.
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var removed = await db.AgendaItems.IgnoreQueryFilters().SingleAsync(i => i.Id == second);
            Assert.Equal("สอง", removed.TopicTh);
            Assert.NotNull(removed.DeletedAt);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AgendaItem) && a.EntityId == second.ToString() && a.Action == AuditAction.Deleted));
        }

        var missingTopic = await Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "" });
        Assert.True(missingTopic.Errors.Has(nameof(AgendaItemForm.TopicTh)));
    }

    [Fact]
    public async Task A_removed_attendee_stays_in_the_record_and_the_same_person_can_be_listed_again()
    {
        var id = await NewDraftAsync();
        var personId = (await host.Get<PersonService>().ListAsync(new ListQuery(null, 0, 1, null, false))).Items[0].Id;
        Assert.True((await Attendance.SaveAsync(id, null, new AttendeeForm { PersonId = personId })).Succeeded);
        var attendeeId = (await Meetings.GetAsync(id))!.Attendees.Single().Id;

        await Attendance.RemoveAsync(id, attendeeId);
        Assert.Empty((await Meetings.GetAsync(id))!.Attendees);
        Assert.True((await Attendance.SaveAsync(id, null, new AttendeeForm { PersonId = personId })).Succeeded);
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Attendees.IgnoreQueryFilters().CountAsync(a => a.MeetingId == id && a.PersonId == personId));
        Assert.Single((await Meetings.GetAsync(id))!.Attendees);
    }

    [Fact]
    public async Task A_meeting_that_follows_another_is_offered_the_confirmation_of_its_minutes_as_item_1()
    {
        var earlier = await NewDraftAsync(number: 4);
        var later = await NewDraftAsync(previousId: earlier);
        await Agenda.SaveAsync(later, null, new AgendaItemForm { TopicTh = "เรื่องเพื่อพิจารณา", TopicEn = "For decision" });

        Assert.True((await Agenda.AddMinutesConfirmationAsync(later)).IsValid);
        var items = (await Meetings.GetAsync(later))!.AgendaItems;
        Assert.Equal("รับรองรายงานการประชุมครั้งที่ 4/2567", items[0].TopicTh);
        Assert.Equal("Confirmation of the minutes of meeting No. 4/2024", items[0].TopicEn);
        Assert.True(items[0].ConfirmsPreviousMinutes);
        Assert.Equal([1, 2], items.Select(i => i.Position));
        Assert.Equal("Agenda.ConfirmationNotOffered", (await Agenda.AddMinutesConfirmationAsync(later))[""]!.Key);
        Assert.Equal("Agenda.ConfirmationNotOffered", (await Agenda.AddMinutesConfirmationAsync(earlier))[""]!.Key);
    }

    [Fact]
    public async Task Attendees_keep_the_position_they_held_on_the_day_and_appear_once()
    {
        var id = await NewDraftAsync();
        var melinda = await PersonIdAsync("Melinda");
        var melindaRow = (await host.Get<PersonService>().GetRowAsync(melinda))!;
        var form = new AttendeeForm { PersonId = melinda, OrganizationId = melindaRow.OrganizationId, PositionTh = melindaRow.PositionTh, PositionEn = melindaRow.PositionEn, Role = AttendeeRole.Chair };
        Assert.True((await Attendance.SaveAsync(id, null, form)).Succeeded);
        Assert.Equal("Attendee.AlreadyListed", (await Attendance.SaveAsync(id, null, form)).Errors[nameof(AttendeeForm.PersonId)]!.Key);

        var person = (await host.Get<PersonService>().GetAsync(melinda))!;
        var moved = PersonForm.From(person);
        moved.PositionEn = "Vice President";
        Assert.True((await host.Get<PersonService>().SaveAsync(melinda, moved)).Succeeded);
        var attendee = Assert.Single((await Meetings.GetAsync(id))!.Attendees);
        Assert.Equal("World Bank Country Director for Thailand and Myanmar", attendee.PositionEn);

        var standIn = await Attendance.SaveAsync(id, null, new AttendeeForm { PersonId = await PersonIdAsync("Wanida"), Status = AttendanceStatus.OnBehalf });
        Assert.Equal("Attendee.OnBehalfOfRequired", standIn.Errors[nameof(AttendeeForm.OnBehalfOfPersonId)]!.Key);
    }

    [Fact]
    public async Task The_tally_counts_people_present_and_their_distinct_organizations()
    {
        var tally = AttendanceTally.Of(
        [
            (AttendanceStatus.Present, "1"), (AttendanceStatus.Present, "1"), (AttendanceStatus.OnBehalf, "2"),
            (AttendanceStatus.Absent, "3"), (AttendanceStatus.Excused, "4"), (AttendanceStatus.Present, "person:9"),
        ]);
        Assert.Equal(new AttendanceTally(4, 3), tally);
    }

    [Fact]
    public async Task Tags_related_activities_and_references_are_kept_and_validated()
    {
        var id = await NewDraftAsync();
        Assert.True((await Links.SetTagsAsync(id, ["AI", " ai ", "Smart City", ""])).IsValid);
        Assert.Equal(["AI", "Smart City"], (await Meetings.GetAsync(id))!.Tags.Select(t => t.Name).Order());
        Assert.False((await Links.SetTagsAsync(id, [new string('x', 51)])).IsValid);

        Assert.True((await Links.AddRelatedAsync(id, new RelatedActivityForm { RelatedMeetingId = await WorkshopIdAsync() })).IsValid);
        Assert.False((await Links.AddRelatedAsync(id, new RelatedActivityForm())).IsValid);
        Assert.Contains((await MeetingLists.LinkedFromAsync(await WorkshopIdAsync())), m => m.Id == id);

        var badUrl = await Links.AddReferenceAsync(id, new ReferenceForm { Title = "รายงาน", Url = "javascript:alert(1)" });
        Assert.Equal("Validation.Url", badUrl[nameof(ReferenceForm.Url)]!.Key);
        Assert.True((await Links.AddReferenceAsync(id, new ReferenceForm { Title = "รายงาน", Url = "https://www.worldbank.org" })).IsValid);
    }

    [Fact]
    public async Task Removed_tags_related_activities_and_references_leave_the_meeting_but_stay_in_the_record()
    {
        var id = await NewDraftAsync();
        var removedTag = $"removed-{id}";
        await Links.SetTagsAsync(id, [removedTag, "Smart City"]);
        await Links.AddRelatedAsync(id, new RelatedActivityForm { DescriptionTh = "โครงการเมืองอัจฉริยะ" });
        await Links.AddReferenceAsync(id, new ReferenceForm { Title = "Thailand Economic Monitor" });
        var meeting = (await Meetings.GetAsync(id))!;

        await Links.SetTagsAsync(id, ["Smart City"]);
        await Links.RemoveRelatedAsync(id, meeting.RelatedActivities.Single().Id);
        await Links.RemoveReferenceAsync(id, meeting.References.Single().Id);
        meeting = (await Meetings.GetAsync(id))!;
        Assert.Equal(["Smart City"], meeting.Tags.Select(t => t.Name));
        Assert.Empty(meeting.RelatedActivities);
        Assert.Empty(meeting.References);
        Assert.DoesNotContain(removedTag, await Links.TagsInUseAsync());

        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.NotNull((await db.MeetingTags.IgnoreQueryFilters().SingleAsync(t => t.MeetingId == id && t.Name == removedTag)).DeletedAt);
        Assert.Equal("โครงการเมืองอัจฉริยะ", (await db.RelatedActivities.IgnoreQueryFilters().SingleAsync(r => r.MeetingId == id)).DescriptionTh);
        Assert.Equal("Thailand Economic Monitor", (await db.MeetingReferences.IgnoreQueryFilters().SingleAsync(r => r.MeetingId == id)).Title);
        foreach (var type in new[] { nameof(MeetingTag), nameof(RelatedActivity), nameof(MeetingReference) })
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == type && a.Action == AuditAction.Deleted && a.EntityId.StartsWith(type == nameof(MeetingTag) ? $"{id}," : "")), type);

        // The same tag added again is the same record, shown again.
        await Links.SetTagsAsync(id, ["Smart City", removedTag]);
        Assert.Equal([removedTag, "Smart City"], (await Meetings.GetAsync(id))!.Tags.Select(t => t.Name).Order());
        Assert.Equal(2, await db.MeetingTags.IgnoreQueryFilters().CountAsync(t => t.MeetingId == id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MeetingTag) && a.EntityId == $"{id},{removedTag}" && a.Action == AuditAction.Restored));
    }

    [Fact]
    public async Task A_meeting_whose_minutes_were_approved_is_not_deleted_even_while_a_correction_is_drafted()
    {
        var workshop = await WorkshopIdAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Meetings.DeleteAsync(workshop));

        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await host.Get<MinutesService>().TransitionAsync(workshop, MinutesTransition.StartCorrection, "สะกดชื่อผู้เข้าร่วมผิด")).IsValid);
        await host.SignInAsRoleAsync(Roles.Staff);
        var meeting = (await Meetings.GetAsync(workshop))!;
        Assert.Equal((MinutesStatus.Draft, 2, true), (meeting.MinutesStatus, meeting.MinutesVersion, meeting.HasApprovedMinutes));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Meetings.DeleteAsync(workshop));
        Assert.Null((await Meetings.GetAsync(workshop))!.DeletedAt);

        // A draft never approved is deleted as before.
        var draft = await NewDraftAsync();
        Assert.False((await Meetings.GetAsync(draft))!.HasApprovedMinutes);
        await Meetings.DeleteAsync(draft);
        Assert.Null(await Meetings.GetAsync(draft));
    }

    [Fact]
    public async Task A_coordinator_reads_but_cannot_edit_and_a_partner_cannot_edit_either()
    {
        var id = await NewDraftAsync();
        await host.SignInAsRoleAsync(Roles.Coordinator);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Agenda.SaveAsync(id, null, new AgendaItemForm { TopicTh = "x", TopicEn = "x" }));
        await host.SignInAsRoleAsync(Roles.Partner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Meetings.DeleteAsync(id));
    }

    [Fact]
    public async Task A_partner_sees_only_approved_meetings_its_organization_attended()
    {
        var draft = await NewDraftAsync();
        await Attendance.SaveAsync(draft, null, new AttendeeForm { PersonId = await PersonIdAsync("Melinda"), OrganizationId = await OrganizationIdAsync("WB") });
        await host.SignInAsRoleAsync(Roles.Partner);
        var visible = await SearchAsync(null);
        Assert.Equal(2, visible.Count);   // the workshop and the SCOPC visit, both approved and attended by the World Bank
        Assert.Null(await Meetings.GetAsync(draft));
        Assert.Null(await host.Get<MinutesService>().GetVersionAsync(draft, 1));
        Assert.NotNull(await host.Get<MinutesService>().GetVersionAsync(await WorkshopIdAsync(), 1));
    }
}
