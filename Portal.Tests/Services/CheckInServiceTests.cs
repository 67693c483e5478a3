using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.CheckIn;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Features.People;
using Portal.Hosting;
using static Portal.Tests.Unit.ActionDueTests;

namespace Portal.Tests.Services;

/// <summary>
/// The check-in page's service on a real database (SQLite, and PostgreSQL under test.sh): the window around the meeting,
/// name search that forgives honorifics, spacing and language, check-in of attendees and invitees, adding oneself, and
/// every bound (letters, matches, attendee cap, other meetings).
/// </summary>
public class CheckInServiceTests : IAsyncLifetime
{
    /// <summary>The test meeting: 10 December 2026, 09.00–12.00 Bangkok (02:00–05:00 UTC).</summary>
    private static readonly DateOnly Day = new(2026, 12, 10);
    private static readonly DateTimeOffset DuringMeeting = new(2026, 12, 10, 2, 30, 0, TimeSpan.Zero);

    private PortalHost host = null!;
    private readonly FixedClock clock = new(DuringMeeting);
    private CheckInService service = null!;
    private int meetingId;
    private string key = "";

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
        service = new CheckInService(host.Get<IDbContextFactory<PortalDbContext>>(), host.Get<CurrentUser>(), clock, host.Get<PublicAddress>(), host.Get<CheckInNotifier>());
        meetingId = await NewMeetingAsync(Day);
        key = KeyOf(await service.LinkAsync(meetingId));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static string KeyOf(string? link) => link![(link!.LastIndexOf('/') + 1)..];

    private async Task<PortalDbContext> DbAsync() => await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>A draft meeting with Rawee and Wanida as attendees, Melinda invited (attending) and Suradech invited (declined).</summary>
    private async Task<int> NewMeetingAsync(DateOnly date)
    {
        await using var db = await DbAsync();
        var people = await db.People.Where(p => new[] { "Rawee", "Wanida", "Melinda", "Suradech" }.Contains(p.GivenNameEn)).ToDictionaryAsync(p => p.GivenNameEn);
        var meeting = new Meeting
        {
            TitleTh = "ประชุมทดสอบการลงทะเบียน", TitleEn = "Check-in test meeting", Date = date,
            StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0), Kind = MeetingKind.Workshop,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        foreach (var name in new[] { "Rawee", "Wanida" })
            db.Attendees.Add(new Attendee { MeetingId = meeting.Id, PersonId = people[name].Id, OrganizationId = people[name].OrganizationId, Status = AttendanceStatus.Absent });
        db.Invitations.Add(new Invitation { MeetingId = meeting.Id, PersonId = people["Melinda"].Id, OrganizationId = people["Melinda"].OrganizationId, Status = InvitationStatus.Attending, AnswerKey = "k1" });
        db.Invitations.Add(new Invitation { MeetingId = meeting.Id, PersonId = people["Suradech"].Id, OrganizationId = people["Suradech"].OrganizationId, Status = InvitationStatus.Declined, AnswerKey = "k2" });
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private async Task<List<string>> FoundAsync(string typed) =>
        [.. (await service.SearchAsync(key, typed)).Select(c => c.Name.En!)];

    [Fact]
    public void The_window_opens_two_hours_before_the_start_and_closes_at_the_end_of_the_day_in_Bangkok()
    {
        var window = CheckInWindow.For(Day, new TimeOnly(9, 0), new TimeOnly(12, 0));
        Assert.Equal(new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc), window.OpensUtc);   // 07.00 Bangkok
        Assert.Equal(new DateTime(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc), window.ClosesUtc); // midnight Bangkok
        Assert.Equal(CheckInState.NotYetOpen, window.StateAt(new DateTime(2026, 12, 9, 23, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(CheckInState.Open, window.StateAt(new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(CheckInState.Open, window.StateAt(new DateTime(2026, 12, 10, 16, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(CheckInState.Closed, window.StateAt(new DateTime(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc)));
        // A meeting that runs past midnight stays open until its end.
        Assert.Equal(new DateTime(2026, 12, 10, 19, 0, 0, DateTimeKind.Utc), CheckInWindow.For(Day, new TimeOnly(20, 0), new TimeOnly(2, 0)).ClosesUtc);
    }

    [Fact]
    public async Task Outside_the_window_the_page_says_so_and_neither_finds_nor_checks_in_anyone()
    {
        clock.Now = new DateTimeOffset(2026, 12, 9, 23, 0, 0, TimeSpan.Zero); // 06.00 Bangkok: three hours early
        Assert.Equal(CheckInState.NotYetOpen, (await service.OpenAsync(key))!.State);
        Assert.Empty(await FoundAsync("Rawee"));
        var rawee = await AttendeeTokenAsync("Rawee");
        Assert.Equal(CheckInOutcome.Closed, (await service.CheckInAsync(key, rawee)).Outcome);
        Assert.Equal(CheckInOutcome.Closed, (await service.AddSelfAsync(key, new SelfCheckInForm { Name = "สมใจ ใจดี" })).Result.Outcome);

        clock.Now = new DateTimeOffset(2026, 12, 10, 17, 30, 0, TimeSpan.Zero); // 00.30 the next day
        Assert.Equal(CheckInState.Closed, (await service.OpenAsync(key))!.State);
        Assert.Equal(CheckInOutcome.Closed, (await service.CheckInAsync(key, rawee)).Outcome);

        clock.Now = DuringMeeting;
        Assert.Equal(CheckInState.Open, (await service.OpenAsync(key))!.State);
        await using var db = await DbAsync();
        Assert.Equal(0, await db.Attendees.CountAsync(a => a.MeetingId == meetingId && a.CheckedInAt != null));
    }

    private async Task<string> AttendeeTokenAsync(string givenNameEn)
    {
        await using var db = await DbAsync();
        return "a" + await db.Attendees.Where(a => a.MeetingId == meetingId && a.Person!.GivenNameEn == givenNameEn).Select(a => a.Id).SingleAsync();
    }

    [Theory]
    [InlineData("รวี")]
    [InlineData("รศ.ดร. รวี หาญ")]
    [InlineData("รศ.ดร.รวี")]
    [InlineData("หาญเผชิญ รวี")]
    [InlineData("ร วี ห าญ")]
    [InlineData("Hanpachern")]
    [InlineData("hanpa chern")]
    [InlineData("Assoc. Prof. Dr. Rawee")]
    [InlineData("Dr Rawee")]
    [InlineData("  RAWEE  ")]
    public async Task A_name_is_found_whatever_the_honorific_spacing_case_order_or_language(string typed) =>
        Assert.Equal(["Assoc. Prof. Dr. Rawee Hanpachern"], await FoundAsync(typed));

    [Fact]
    public async Task Invitees_are_found_unless_they_declined_and_fewer_than_three_letters_find_nobody()
    {
        Assert.Equal(["Mrs. Melinda Good"], await FoundAsync("นางเมลินดา"));
        Assert.Equal(["Mrs. Melinda Good"], await FoundAsync("Mrs Good"));
        Assert.Empty(await FoundAsync("Suradech"));   // declined
        Assert.Empty(await FoundAsync("ทวีแสง"));
        Assert.Empty(await FoundAsync("รว"));          // two letters
        Assert.Empty(await FoundAsync("Dr. Ra"));      // two letters once the honorific is set aside
        Assert.Empty(await FoundAsync("ดร."));
        Assert.Empty(await FoundAsync(""));
        Assert.Empty(await FoundAsync(new string('a', 101))); // longer than any name
        // People of the register who are neither attendees nor invitees of this meeting are not found.
        Assert.Empty(await FoundAsync("Taweesaengsakulthai"));
    }

    [Fact]
    public async Task Once_the_door_opened_those_who_never_checked_in_are_marked_absent_and_the_rest_left_as_recorded()
    {
        await using (var db = await DbAsync())
        {
            foreach (var attendee in await db.Attendees.Where(a => a.MeetingId == meetingId).ToListAsync())
                attendee.Status = AttendanceStatus.Present;   // as a copy of the previous meeting brings them
            var suradech = await db.People.SingleAsync(p => p.GivenNameEn == "Suradech");
            db.Attendees.Add(new Attendee { MeetingId = meetingId, PersonId = suradech.Id, OrganizationId = suradech.OrganizationId, Status = AttendanceStatus.Excused });
            await db.SaveChangesAsync();
        }
        Assert.Equal(CheckInOutcome.CheckedIn, (await service.CheckInAsync(key, await AttendeeTokenAsync("Rawee"))).Outcome);

        clock.Now = new DateTimeOffset(2026, 12, 9, 2, 30, 0, TimeSpan.Zero);   // the day before: the door is not open
        var early = await service.MarkNotArrivedAbsentAsync(meetingId);
        Assert.Equal("CheckIn.AbsentBeforeOpening", early.Errors[""]!.Key);
        clock.Now = DuringMeeting;

        // The question names exactly whom it will mark.
        Assert.Contains("Wanida", Assert.Single(await service.NotArrivedNamesAsync(meetingId, thai: false)));
        var (marked, errors) = await service.MarkNotArrivedAbsentAsync(meetingId);
        Assert.True(errors.IsValid);
        Assert.Empty(await service.NotArrivedNamesAsync(meetingId, thai: true));
        Assert.Equal(1, marked);
        await using var after = await DbAsync();
        var statuses = (await after.Attendees.Where(a => a.MeetingId == meetingId).Select(a => new { a.Person!.GivenNameEn, a.Status }).ToListAsync())
            .ToDictionary(a => a.GivenNameEn, a => a.Status);
        Assert.Equal(AttendanceStatus.Present, statuses["Rawee"]);     // checked in
        Assert.Equal(AttendanceStatus.Absent, statuses["Wanida"]);     // never came
        Assert.Equal(AttendanceStatus.Excused, statuses["Suradech"]);  // excused stays excused

        await host.SignInAsRoleAsync(Roles.Coordinator);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.MarkNotArrivedAbsentAsync(meetingId));
    }

    [Fact]
    public async Task A_search_shows_a_handful_of_names_at_most()
    {
        await using (var db = await DbAsync())
        {
            for (var i = 0; i < 12; i++)
            {
                var person = new Person { GivenNameTh = $"สมหญิง{i}", FamilyNameTh = "ทดสอบ" };
                db.Attendees.Add(new Attendee { MeetingId = meetingId, Person = person });
            }
            await db.SaveChangesAsync();
        }
        var found = await service.SearchAsync(key, "ทดสอบ");
        Assert.Equal(CheckInService.MaxMatches, found.Count);
        Assert.True(CheckInService.MaxMatches <= 5);
        Assert.Single(await service.SearchAsync(key, "สมหญิง11"));
    }

    [Fact]
    public async Task An_attendee_is_checked_in_once_with_the_time_and_the_audit_names_the_check_in_page()
    {
        var rawee = Assert.Single(await service.SearchAsync(key, "Rawee"));
        Assert.False(rawee.CheckedIn);
        var result = await service.CheckInAsync(key, rawee.Token);
        Assert.Equal(CheckInOutcome.CheckedIn, result.Outcome);
        Assert.Equal(DuringMeeting.UtcDateTime, result.At);

        var again = await service.CheckInAsync(key, rawee.Token);
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, again.Outcome);
        Assert.Equal(DuringMeeting.UtcDateTime, again.At);
        Assert.True(Assert.Single(await service.SearchAsync(key, "Rawee")).CheckedIn);

        await using var db = await DbAsync();
        var row = await db.Attendees.SingleAsync(a => a.MeetingId == meetingId && a.Person!.GivenNameEn == "Rawee");
        Assert.Equal(AttendanceStatus.Present, row.Status);   // was Absent
        Assert.Equal(DuringMeeting.UtcDateTime, row.CheckedInAt);
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(Attendee) && e.EntityId == row.Id.ToString()).OrderBy(e => e.Id).LastAsync();
        Assert.Equal(CheckInService.Actor.Name, audit.UserName);
        Assert.Null(audit.UserId);
        Assert.Contains("CheckedInAt", audit.Changes);
        Assert.Equal(new CheckInTally(1, 3), await service.TallyAsync(meetingId));
    }

    [Fact]
    public async Task An_invitee_becomes_an_attendee_with_their_organization_and_position_once()
    {
        var melinda = Assert.Single(await service.SearchAsync(key, "Melinda"));
        Assert.StartsWith("i", melinda.Token);
        Assert.Equal(CheckInOutcome.CheckedIn, (await service.CheckInAsync(key, melinda.Token)).Outcome);
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, (await service.CheckInAsync(key, melinda.Token)).Outcome);

        await using var db = await DbAsync();
        var person = await db.People.SingleAsync(p => p.GivenNameEn == "Melinda");
        var row = await db.Attendees.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == person.Id);
        Assert.Equal(person.OrganizationId, row.OrganizationId);
        Assert.Equal(person.PositionTh, row.PositionTh);
        Assert.Equal(person.PositionEn, row.PositionEn);
        Assert.Equal(AttendanceStatus.Present, row.Status);
        Assert.NotNull(row.CheckedInAt);
        // Now an attendee, found once (not again as an invitee).
        Assert.Equal("a" + row.Id, Assert.Single(await service.SearchAsync(key, "Melinda")).Token);
        Assert.Equal(new CheckInTally(1, 3), await service.TallyAsync(meetingId));
    }

    [Fact]
    public async Task Someone_unexpected_adds_themselves_once_with_clean_bounded_text_and_a_matched_organization()
    {
        await using (var check = await DbAsync())
            Assert.True(await check.Organizations.AnyAsync(o => o.Acronym == "KKTT"));
        var (result, errors) = await service.AddSelfAsync(key, new SelfCheckInForm
        {
            Name = "นางสาว สม\u202Eใจ  ใจดี\u0007", Organization = " kktt ", Position = "นักวิเคราะห์\tนโยบาย", OnBehalfOf = "ผู้อำนวยการ",
        });
        Assert.True(errors.IsValid);
        Assert.Equal(CheckInOutcome.CheckedIn, result.Outcome);

        await using (var db = await DbAsync())
        {
            var row = await db.Attendees.Include(a => a.Person).Include(a => a.Organization).SingleAsync(a => a.MeetingId == meetingId && a.Person!.FamilyNameTh == "ใจดี");
            Assert.Equal(Honorific.Ms, row.Person!.Honorific);
            Assert.Equal("สมใจ", row.Person.GivenNameTh);
            Assert.Equal("KKTT", row.Organization!.Acronym);
            Assert.Equal("นักวิเคราะห์ นโยบาย", row.PositionTh);
            Assert.Equal(AttendanceStatus.OnBehalf, row.Status);
            Assert.Equal("ผู้อำนวยการ", row.OnBehalfOf);
            Assert.NotNull(row.CheckedInAt);
            Assert.Equal(CheckInService.Actor.Name, (await db.AuditEntries.Where(e => e.EntityType == nameof(Person)).OrderBy(e => e.Id).LastAsync()).UserName);
        }

        // The same name again is not a second row; an expected attendee's name sends them to the search.
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, (await service.AddSelfAsync(key, new SelfCheckInForm { Name = "สมใจ ใจดี" })).Result.Outcome);
        Assert.Equal(CheckInOutcome.AlreadyListed, (await service.AddSelfAsync(key, new SelfCheckInForm { Name = "Dr. Rawee Hanpachern" })).Result.Outcome);
        await using (var db = await DbAsync())
            Assert.Single(await db.Attendees.Where(a => a.MeetingId == meetingId && a.Person!.FamilyNameTh == "ใจดี").ToListAsync());

        // An organization that is not clearly one of the register's is kept as typed beside the position.
        Assert.Equal(CheckInOutcome.CheckedIn, (await service.AddSelfAsync(key, new SelfCheckInForm { Name = "John Smith", Organization = "Acme Consulting", Position = "Analyst" })).Result.Outcome);
        await using (var db = await DbAsync())
        {
            var john = await db.Attendees.Include(a => a.Person).SingleAsync(a => a.MeetingId == meetingId && a.Person!.GivenNameEn == "John");
            Assert.Null(john.OrganizationId);
            Assert.Equal("Analyst, Acme Consulting", john.PositionEn);
            Assert.Equal("Smith", john.Person!.FamilyNameEn);
        }
    }

    [Fact]
    public async Task Self_added_text_is_bounded_by_the_field_lengths()
    {
        var (result, errors) = await service.AddSelfAsync(key, new SelfCheckInForm
        {
            Name = new string('ก', FieldLengths.PersonName + 1), Organization = new string('x', FieldLengths.Name + 1),
            Position = new string('y', FieldLengths.Position + 1), OnBehalfOf = new string('z', FieldLengths.Position + 1),
        });
        Assert.Equal(CheckInOutcome.Invalid, result.Outcome);
        foreach (var field in new[] { nameof(SelfCheckInForm.Name), nameof(SelfCheckInForm.Organization), nameof(SelfCheckInForm.Position), nameof(SelfCheckInForm.OnBehalfOf) })
            Assert.True(errors.Has(field), field);
        Assert.True((await service.AddSelfAsync(key, new SelfCheckInForm { Name = "\u0007\u202E " })).Errors.Has(nameof(SelfCheckInForm.Name)));
        await using var db = await DbAsync();
        Assert.Equal(2, await db.Attendees.CountAsync(a => a.MeetingId == meetingId));
    }

    [Fact]
    public async Task No_one_is_added_beyond_the_meetings_attendee_cap()
    {
        await using (var db = await DbAsync())
        {
            for (var i = 2; i < AttendanceService.MaxAttendeesPerMeeting; i++)
                db.Attendees.Add(new Attendee { MeetingId = meetingId, Person = new Person { GivenNameTh = $"คน{i}", FamilyNameTh = "เต็มห้อง" } });
            await db.SaveChangesAsync();
        }
        Assert.Equal(CheckInOutcome.Full, (await service.AddSelfAsync(key, new SelfCheckInForm { Name = "มาสาย ที่สุด" })).Result.Outcome);
        var melinda = Assert.Single(await service.SearchAsync(key, "Melinda"));
        Assert.Equal(CheckInOutcome.Full, (await service.CheckInAsync(key, melinda.Token)).Outcome);
        // Those already listed still check in.
        Assert.Equal(CheckInOutcome.CheckedIn, (await service.CheckInAsync(key, await AttendeeTokenAsync("Rawee"))).Outcome);
        await using var check = await DbAsync();
        Assert.Equal(AttendanceService.MaxAttendeesPerMeeting, await check.Attendees.CountAsync(a => a.MeetingId == meetingId));
    }

    [Fact]
    public async Task A_link_reaches_only_its_own_meeting_and_an_unknown_key_nothing()
    {
        var other = await NewMeetingAsync(Day);
        var otherKey = KeyOf(await service.LinkAsync(other));
        Assert.NotEqual(key, otherKey);
        Assert.Equal(22, key.Length);
        Assert.Equal(await service.LinkAsync(meetingId), await service.LinkAsync(meetingId)); // made once
        Assert.StartsWith(host.Get<PublicAddress>().Link("check-in/"), await service.LinkAsync(meetingId));

        // The other meeting's attendee, picked through this meeting's link, is not found.
        await using (var db = await DbAsync())
        {
            var othersRawee = await db.Attendees.Where(a => a.MeetingId == other && a.Person!.GivenNameEn == "Rawee").Select(a => a.Id).SingleAsync();
            Assert.Equal(CheckInOutcome.NotFound, (await service.CheckInAsync(key, "a" + othersRawee)).Outcome);
            Assert.Null(await db.Attendees.Where(a => a.Id == othersRawee).Select(a => a.CheckedInAt).SingleAsync());
        }
        foreach (var bad in new[] { "", "x", key + "x", key.ToUpperInvariant(), new string('a', 2000) })
        {
            Assert.Null(await service.OpenAsync(bad));
            Assert.Empty(await service.SearchAsync(bad, "Rawee"));
            Assert.Equal(CheckInOutcome.NotFound, (await service.CheckInAsync(bad, "a1")).Outcome);
        }
        foreach (var token in new[] { "", "a", "a-1", "i99999999", "z1", "a1 OR 1=1", new string('9', 50) })
            Assert.Equal(CheckInOutcome.NotFound, (await service.CheckInAsync(key, token)).Outcome);
    }

    [Fact]
    public async Task Only_KKTT_users_get_the_link_and_the_tally()
    {
        await host.SignInAsRoleAsync(Roles.Partner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.LinkAsync(meetingId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.TallyAsync(meetingId));
        Assert.Null(await service.SheetLinkAsync(meetingId));
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.NotNull(await service.SheetLinkAsync(meetingId));
    }

    [Fact]
    public async Task A_check_in_tells_the_open_pages()
    {
        var told = new List<int>();
        void Listen(int id) => told.Add(id);
        host.Get<CheckInNotifier>().CheckedIn += Listen;
        try
        {
            await service.CheckInAsync(key, await AttendeeTokenAsync("Wanida"));
            await service.AddSelfAsync(key, new SelfCheckInForm { Name = "Jane Doe" });
        }
        finally
        {
            host.Get<CheckInNotifier>().CheckedIn -= Listen;
        }
        Assert.Equal([meetingId, meetingId], told);
    }
}
