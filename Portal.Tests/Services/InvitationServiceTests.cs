using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Mail;
using static Portal.Tests.Unit.ActionDueTests;

namespace Portal.Tests.Services;

/// <summary>Choosing invitees, answering through the personal link (and its refusals), and the one reminder; on SQLite and PostgreSQL.</summary>
public class InvitationServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private InvitationService Service => host.Get<InvitationService>();

    private async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>A meeting <paramref name="inDays"/> days from today, with a contact at the World Bank and at a new Thai agency.</summary>
    private async Task<(int Meeting, int WorldBank, int Agency, int WorldBankContact)> ArrangeAsync(int inDays = 10) => await DbAsync(async db =>
    {
        var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
        var worldBank = await db.Organizations.SingleAsync(o => o.Kind == OrganizationKind.InternationalOrganization && o.NameEn == "World Bank Thailand");
        var agency = db.Organizations.Add(new Organization { NameTh = "สำนักงานทดสอบการเชิญ", NameEn = "Invitation Test Office", Kind = OrganizationKind.GovernmentAgency }).Entity;
        var meeting = db.Meetings.Add(new Meeting
        {
            TitleTh = "ประชุมทดสอบการเชิญ", TitleEn = "Invitation test meeting", Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(inDays),
            StartTime = new TimeOnly(9, 30), EndTime = new TimeOnly(12, 0), HostOrganizationId = kktt.Id, RoomTh = "ห้องประชุม 1",
        }).Entity;
        var contact = db.People.Add(new Person
        {
            GivenNameTh = "แอนนา", FamilyNameTh = "ทดสอบ", GivenNameEn = "Anna", FamilyNameEn = "Test", Honorific = Honorific.Ms,
            Email = "anna.test@worldbank.example", Organization = worldBank,
        }).Entity;
        await db.SaveChangesAsync();
        return (meeting.Id, worldBank.Id, agency.Id, contact.Id);
    });

    [Fact]
    public async Task An_organization_brings_its_contacts_or_else_itself_and_is_not_invited_twice()
    {
        var (meeting, worldBank, agency, contact) = await ArrangeAsync();
        var (added, errors) = await Service.InviteOrganizationAsync(meeting, worldBank);
        Assert.True(errors.IsValid);
        var contacts = await DbAsync(db => db.People.CountAsync(p => p.OrganizationId == worldBank && p.AnonymizedAt == null));
        Assert.Equal(contacts, added);
        (added, errors) = await Service.InviteOrganizationAsync(meeting, agency);
        Assert.Equal(1, added);
        var list = await Service.ListAsync(meeting);
        var organizationLevel = Assert.Single(list, i => i.PersonId is null);
        Assert.Equal(agency, organizationLevel.OrganizationId);
        Assert.Equal("ผู้บริหารสำนักงานทดสอบการเชิญ", InvitationService.Addressee(organizationLevel, thai: true));
        Assert.Contains(list, i => i.PersonId == contact);
        Assert.All(list, i => Assert.Equal(InvitationStatus.Invited, i.Status));
        Assert.Equal(list.Count, list.Select(i => i.AnswerKey).Distinct().Count());

        (added, errors) = await Service.InviteOrganizationAsync(meeting, worldBank);
        Assert.Equal(0, added);
        Assert.Equal("Invitation.AlreadyInvited", errors["OrganizationId"]?.Key);
        Assert.Equal("Invitation.AlreadyInvited", (await Service.InvitePersonAsync(meeting, contact))["PersonId"]?.Key);
        Assert.Equal(new InvitationCounts(list.Count, 0, 0, 0, list.Count), InvitationService.Count(list));
    }

    [Fact]
    public async Task A_removed_invitee_can_be_brought_back_and_only_editors_choose_invitees()
    {
        var (meeting, _, _, contact) = await ArrangeAsync();
        Assert.True((await Service.InvitePersonAsync(meeting, contact)).IsValid);
        var invitation = Assert.Single(await Service.ListAsync(meeting));
        Assert.True((await Service.RemoveAsync(meeting, invitation.Id)).IsValid);
        Assert.Empty(await Service.ListAsync(meeting));
        Assert.NotNull(await DbAsync(db => db.Invitations.IgnoreQueryFilters().Where(i => i.Id == invitation.Id).Select(i => i.DeletedAt).SingleAsync()));
        Assert.True((await Service.RestoreAsync(meeting, invitation.Id)).IsValid);
        Assert.Single(await Service.ListAsync(meeting));

        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.Single(await Service.ListAsync(meeting)); // coordinators read the list
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.InvitePersonAsync(meeting, contact));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.RemoveAsync(meeting, invitation.Id));
        await host.SignInAsRoleAsync(Roles.Partner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.ListAsync(meeting));
    }

    [Fact]
    public async Task Staff_record_an_answer_given_by_phone_with_the_representative_required_in_full()
    {
        var (meeting, _, _, contact) = await ArrangeAsync();
        await Service.InvitePersonAsync(meeting, contact);
        var invitation = Assert.Single(await Service.ListAsync(meeting));
        var form = InvitationAnswerForm.From(invitation) with { Status = InvitationStatus.Representative, RepresentativeName = "สมศรี ผู้แทน" };
        var refused = await Service.SetAnswerAsync(meeting, invitation.Id, form);
        Assert.False(refused.Succeeded);
        Assert.True(refused.Errors.Has(nameof(form.RepresentativePosition)));
        Assert.True(refused.Errors.Has(nameof(form.RepresentativeContact)));
        var saved = await Service.SetAnswerAsync(meeting, invitation.Id, form with { RepresentativePosition = "ผู้อำนวยการ", RepresentativeContact = "081 234 5678" });
        Assert.True(saved.Succeeded);
        var stored = Assert.Single(await Service.ListAsync(meeting));
        Assert.Equal(InvitationStatus.Representative, stored.Status);
        Assert.Equal("ผู้อำนวยการ", stored.RepresentativePosition);
        Assert.NotNull(stored.AnsweredAt);
        // The form of before is out of date now.
        Assert.NotNull((await Service.SetAnswerAsync(meeting, invitation.Id, form with { Status = InvitationStatus.Declined })).Conflict);
    }

    [Fact]
    public async Task An_invitee_who_declines_is_excused_on_the_attendee_list_with_the_reason_unless_recorded_otherwise()
    {
        var (meeting, worldBank, _, contact) = await ArrangeAsync();
        var melinda = await DbAsync(db => db.People.Where(p => p.GivenNameEn == "Melinda").Select(p => p.Id).SingleAsync());
        await DbAsync(async db =>
        {
            db.Attendees.Add(new Attendee { MeetingId = meeting, PersonId = contact, OrganizationId = worldBank, Status = AttendanceStatus.Present });
            db.Attendees.Add(new Attendee { MeetingId = meeting, PersonId = melinda, OrganizationId = worldBank, Status = AttendanceStatus.OnBehalf });
            return await db.SaveChangesAsync();
        });
        await Service.InvitePersonAsync(meeting, contact);
        await Service.InvitePersonAsync(meeting, melinda);
        var invitations = await Service.ListAsync(meeting);
        var links = host.Get<InvitationLinks>();
        var date = await DbAsync(db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.Date).SingleAsync());

        // Through the personal link: excused, with the reason given.
        var anna = invitations.Single(i => i.PersonId == contact);
        Assert.True((await host.Get<InvitationAnswers>().AnswerAsync(links.Token(anna, date),
            new InvitationAnswerForm { Status = InvitationStatus.Declined, DeclineReason = "On mission abroad" }))!.IsValid);
        // Recorded by staff for someone whose attendance staff already set otherwise: left as recorded.
        var theirs = invitations.Single(i => i.PersonId == melinda);
        Assert.True((await Service.SetAnswerAsync(meeting, theirs.Id, InvitationAnswerForm.From(theirs) with { Status = InvitationStatus.Declined })).Succeeded);

        var attendees = await DbAsync(db => db.Attendees.Where(a => a.MeetingId == meeting).ToDictionaryAsync(a => a.PersonId));
        Assert.Equal(AttendanceStatus.Excused, attendees[contact].Status);
        Assert.Equal("On mission abroad", attendees[contact].AbsenceReason);
        Assert.Equal(AttendanceStatus.OnBehalf, attendees[melinda].Status);
    }

    [Fact]
    public async Task The_personal_link_answers_for_that_invitee_only_and_is_refused_when_tampered_expired_or_withdrawn()
    {
        var (meeting, _, _, contact) = await ArrangeAsync();
        await Service.InvitePersonAsync(meeting, contact);
        var invitation = Assert.Single(await Service.ListAsync(meeting));
        var links = host.Get<InvitationLinks>();
        var answers = host.Get<InvitationAnswers>();
        var date = await DbAsync(db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.Date).SingleAsync());
        var token = links.Token(invitation, date);
        var notified = new List<int>();
        host.Get<InvitationNotifier>().InvitationsChanged += notified.Add;

        var view = await answers.OpenAsync(token);
        Assert.NotNull(view);
        Assert.Equal("Invitation test meeting", view.TitleEn);
        Assert.False(view.WritesInThai); // the World Bank is written to in English
        var missing = await answers.AnswerAsync(token, new InvitationAnswerForm { Status = InvitationStatus.Representative, RepresentativeName = "Somsri" });
        Assert.NotNull(missing);
        Assert.True(missing.Has("RepresentativeContact"));
        Assert.True((await answers.AnswerAsync(token, new InvitationAnswerForm { Status = InvitationStatus.Attending }))!.IsValid);
        Assert.Equal(InvitationStatus.Attending, (await answers.OpenAsync(token))!.Answer.Status);
        Assert.Contains(meeting, notified);
        // The invitee changes their mind; a reason is optional.
        Assert.True((await answers.AnswerAsync(token, new InvitationAnswerForm { Status = InvitationStatus.Declined, DeclineReason = "ติดราชการ" }))!.IsValid);
        Assert.Equal("ติดราชการ", Assert.Single(await Service.ListAsync(meeting)).DeclineReason);
        // Only the three answers an invitee can give.
        Assert.True((await answers.AnswerAsync(token, new InvitationAnswerForm { Status = InvitationStatus.NoAnswer }))!.Has("Status"));

        var middle = token.Length / 2;   // a character whose every bit is data (the last one may carry unused bits)
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        Assert.Null(await answers.OpenAsync(tampered));
        Assert.Null(await answers.AnswerAsync(tampered, new InvitationAnswerForm { Status = InvitationStatus.Attending }));
        Assert.Null(await answers.OpenAsync("not-a-token"));
        Assert.Null(await answers.OpenAsync(links.Token(invitation.Id, invitation.AnswerKey, DateTimeOffset.UtcNow.AddMinutes(-1))));
        // Another key (the stored one is random hex, so it may itself start with 0).
        var otherKey = (invitation.AnswerKey[0] == '0' ? "1" : "0") + invitation.AnswerKey[1..];
        Assert.Null(await answers.OpenAsync(links.Token(invitation.Id, otherKey, InvitationLinks.EndOfMeetingDay(date))));

        Assert.True((await Service.RenewLinkAsync(meeting, invitation.Id)).IsValid);
        Assert.Null(await answers.OpenAsync(token));
        var renewed = links.Token(Assert.Single(await Service.ListAsync(meeting)), date);
        Assert.NotNull(await answers.OpenAsync(renewed));
        await Service.RemoveAsync(meeting, invitation.Id);
        Assert.Null(await answers.OpenAsync(renewed));
    }

    [Fact]
    public async Task A_link_expires_at_the_end_of_the_meeting_day_in_Bangkok()
    {
        var end = InvitationLinks.EndOfMeetingDay(new DateOnly(2026, 12, 24));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 17, 0, 0, TimeSpan.Zero), end);
        // A meeting that is over closes its answers even with a token still in date (the meeting was moved earlier).
        var (meeting, _, _, contact) = await ArrangeAsync(inDays: -1);
        await Service.InvitePersonAsync(meeting, contact);
        var invitation = Assert.Single(await Service.ListAsync(meeting));
        var token = host.Get<InvitationLinks>().Token(invitation.Id, invitation.AnswerKey, DateTimeOffset.UtcNow.AddDays(5));
        Assert.Null(await host.Get<InvitationAnswers>().OpenAsync(token));
        var outcome = await host.Get<InvitationMailer>().SendInvitationsAsync(meeting);
        Assert.Equal("Invitation.MeetingOver", outcome.Errors[""]?.Key);
        Assert.Equal(0, outcome.Sent);
    }

    [Fact]
    public async Task Those_who_have_not_answered_are_reminded_once_from_the_chosen_day_even_across_restarts()
    {
        var (meeting, _, agency, contact) = await ArrangeAsync(inDays: 5);
        await Service.InvitePersonAsync(meeting, contact);
        var thai = await DbAsync(async db =>
        {
            var person = db.People.Add(new Person { GivenNameTh = "สมชาย", FamilyNameTh = "ใจดี", Email = "somchai@agency.example", OrganizationId = agency }).Entity;
            var answered = db.People.Add(new Person { GivenNameTh = "สมหญิง", FamilyNameTh = "ตอบแล้ว", Email = "somying@agency.example", OrganizationId = agency }).Entity;
            await db.SaveChangesAsync();
            return (person.Id, answered.Id);
        });
        await Service.InvitePersonAsync(meeting, thai.Item1);
        await Service.InvitePersonAsync(meeting, thai.Item2);
        Assert.True((await Service.SetReminderDaysAsync(meeting, 3)).IsValid);
        Assert.Equal("Invitation.ReminderDaysRange", (await Service.SetReminderDaysAsync(meeting, 0))["ReminderDays"]?.Key);
        await DbAsync(async db =>
        {
            foreach (var i in await db.Invitations.Where(i => i.MeetingId == meeting).ToListAsync()) i.SentAt = DateTime.UtcNow;
            var answered = await db.Invitations.SingleAsync(i => i.PersonId == thai.Item2);
            answered.Status = InvitationStatus.Attending;
            return await db.SaveChangesAsync();
        });
        var mailFolder = host.Get<MailSender>().MailFolder;
        int Files() => Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder, "*.eml").Length : 0;
        InvitationReminderService At(DateTimeOffset now) => new(host.Get<IDbContextFactory<PortalDbContext>>(), host.Get<InvitationMailer>(), host.Get<MailSender>(),
            new FixedClock(now), host.Get<InvitationNotifier>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<InvitationReminderService>.Instance);

        var before = Files();
        Assert.Equal(0, await At(DateTimeOffset.UtcNow).SendDueRemindersAsync());           // 5 days before: too early
        Assert.Equal(2, await At(DateTimeOffset.UtcNow.AddDays(2)).SendDueRemindersAsync()); // 3 days before: the two who have not answered
        Assert.Equal(0, await At(DateTimeOffset.UtcNow.AddDays(2)).SendDueRemindersAsync()); // a restart, or another instance: nothing more
        Assert.Equal(0, await At(DateTimeOffset.UtcNow.AddDays(3)).SendDueRemindersAsync()); // the next day: still once
        Assert.Equal(before + 2, Files());
        var messages = Directory.GetFiles(mailFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var english = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "anna.test@worldbank.example"));
        Assert.StartsWith("Reminder:", english.Subject);
        Assert.Contains("/rsvp/", english.TextBody);
        Assert.Contains("?lang=en", english.TextBody);
        var thaiMessage = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "somchai@agency.example"));
        Assert.Contains("ขอความกรุณาตอบรับ", thaiMessage.Subject);
        Assert.DoesNotContain(messages, m => m.To.Mailboxes.Any(a => a.Address == "somying@agency.example"));
        Assert.Equal(2, await DbAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meeting && i.ReminderSentAt != null)));
    }
}
