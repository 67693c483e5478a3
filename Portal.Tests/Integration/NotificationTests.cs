using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Minutes;
using Portal.Features.Notifications;
using Portal.Features.Users;
using Portal.Hosting;
using Portal.Mail;
using static Portal.Tests.Unit.ActionDueTests;

namespace Portal.Tests.Integration;

/// <summary>
/// Notifications against a real SMTP server (smtp4dev) on the test run's database (SQLite, or PostgreSQL when
/// PORTAL_TEST_POSTGRES is set): who is told of each kind, that the person who made the change is not, that each person's
/// choice (at once, daily digest, off) is honoured and the digest rides with the day's reminders, and that the outbox sends
/// each message once — with two senders racing over one queue, after a sender died holding claims, and after the mail
/// server was down at digest time.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private const string WorldBankPartner = "partner.worldbank@kktt.demo";
    private readonly HttpClient smtp4dev = new();
    private readonly string run = Guid.NewGuid().ToString("N")[..10];
    private PortalHost host = null!;

    public async Task InitializeAsync()
    {
        var smtp = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP");
        var api = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP_API");
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(api) || smtp.Split(':') is not [var smtpHost, var smtpPort])
            throw new InvalidOperationException("PORTAL_TEST_SMTP (host:port) and PORTAL_TEST_SMTP_API are not set. Run the tests through ./test.sh, "
                + "or start smtp4dev yourself: source scripts/smtp4dev.sh; start_smtp4dev 2525 5380 (it exports both).");
        smtp4dev.BaseAddress = new Uri(api.TrimEnd('/') + "/");
        host = await PortalHost.StartAsync(new Dictionary<string, string>
        {
            ["Portal:Smtp:Host"] = smtpHost, ["Portal:Smtp:Port"] = smtpPort, ["Portal:PublicUrl"] = "https://portal.kktt.example/",
        });
    }

    public async Task DisposeAsync()
    {
        smtp4dev.Dispose();
        await host.DisposeAsync();
    }

    private IDbContextFactory<PortalDbContext> Db => host.Get<IDbContextFactory<PortalDbContext>>();

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await query(db);
    }

    private Task<string> UserIdAsync(string email) => QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<int> OrganizationAsync(string acronym) => await QueryAsync(db => db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync());

    /// <summary>A partner account of another organization, and the register person it belongs to.</summary>
    private async Task<(string Email, int PersonId)> OtherPartnerAsync(string acronym)
    {
        var email = $"partner-{run}@{acronym.ToLowerInvariant()}.example";
        var organizationId = await OrganizationAsync(acronym);
        var personId = await QueryAsync(async db =>
        {
            var person = db.People.Add(new Portal.Features.People.Person { GivenNameTh = "ทดสอบ", FamilyNameTh = run, GivenNameEn = "Test", FamilyNameEn = run, OrganizationId = organizationId }).Entity;
            await db.SaveChangesAsync();
            return person.Id;
        });
        var users = host.Get<UserManager<ApplicationUser>>();
        var user = UserService.NewUser(email, "Other partner " + run, organizationId);
        user.PersonId = personId;
        Assert.True((await users.CreateAsync(user, Portal.DemoData.DemoDataSeeder.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Partner);
        return (email, personId);
    }

    /// <summary>Links a demo account to a person of the register (as an administrator does on the users page).</summary>
    private Task<int> LinkToNewPersonAsync(string email) => QueryAsync(async db =>
    {
        var person = db.People.Add(new Portal.Features.People.Person { GivenNameTh = "ผู้รับผิดชอบ", FamilyNameTh = run, GivenNameEn = "Assignee", FamilyNameEn = run }).Entity;
        await db.SaveChangesAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.PersonId = person.Id;
        await db.SaveChangesAsync();
        return person.Id;
    });

    private async Task<int> NewItemAsStaffAsync(string title, int[] owners, int? assigneeId, DateOnly? due = null)
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var result = await host.Get<ActionItemService>().SaveAsync(null, new ActionItemForm
        {
            TitleTh = $"ภารกิจทดสอบ {title}", TitleEn = $"Test item {title}", OwnerOrganizationIds = owners, AssigneeId = assigneeId,
            DueDate = due?.ToDateTime(TimeOnly.MinValue),
        });
        Assert.True(result.Succeeded);
        return result.Id!.Value;
    }

    private async Task EditAsStaffAsync(int id, Action<ActionItemForm> change)
    {
        await host.SignInAsRoleAsync(Roles.Staff);
        var service = host.Get<ActionItemService>();
        var form = (await service.EditorAsync(id))!.Form;
        change(form);
        Assert.True((await service.SaveAsync(id, form)).Succeeded);
    }

    private async Task<List<(string Email, NotificationKind Kind, NotificationDelivery Delivery)>> NotificationsOfAsync(int? itemId = null, int? meetingId = null) =>
        (await QueryAsync(db => db.Notifications.Where(n => (itemId != null && n.ActionItemId == itemId) || (meetingId != null && n.MeetingId == meetingId))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.Kind, n.Delivery }).ToListAsync()))
        .Select(n => (Email: n.Email!, n.Kind, n.Delivery)).OrderBy(n => n.Email).ThenBy(n => n.Kind).ToList();

    private Task<int> SendQueueAsync() => host.Get<NotificationOutbox>().SendPendingAsync();

    /// <summary>What smtp4dev received whose subject or body holds <paramref name="marker"/>, parsed from the raw message.</summary>
    private async Task<List<(MimeMessage Message, string Raw)>> ReceivedAsync(string marker, string? to = null)
    {
        using var list = JsonDocument.Parse(await smtp4dev.GetStringAsync("api/messages?pageSize=5000"));
        var found = new List<(MimeMessage, string)>();
        foreach (var summary in list.RootElement.GetProperty("results").EnumerateArray())
        {
            if (to is not null && !summary.GetProperty("to").ToString().Contains(to, StringComparison.OrdinalIgnoreCase))
                continue;
            if (to is null && !(summary.GetProperty("subject").GetString() ?? "").Contains(marker, StringComparison.Ordinal))
                continue;
            var raw = await smtp4dev.GetStringAsync($"api/messages/{summary.GetProperty("id").GetString()}/raw");
            var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
            if ((message.Subject ?? "").Contains(marker, StringComparison.Ordinal) || (message.TextBody ?? "").Contains(marker, StringComparison.Ordinal))
                found.Add((message, raw));
        }
        return found;
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    [Fact]
    public async Task Each_kind_reaches_exactly_the_people_concerned_and_never_the_one_who_made_the_change()
    {
        var worldBank = await OrganizationAsync("WB");
        var coordinatorPerson = await LinkToNewPersonAsync("coordinator@kktt.demo");
        var other = await OtherPartnerAsync("KKU");

        // Created by staff for the World Bank, assigned to the coordinator: both are told of the assignment, staff is not.
        var id = await NewItemAsStaffAsync(run, [worldBank], coordinatorPerson);
        Assert.Equal([(WorldBankPartner, NotificationKind.ActionAssigned, NotificationDelivery.Immediate),
            ("coordinator@kktt.demo", NotificationKind.ActionAssigned, NotificationDelivery.Immediate)], (await NotificationsOfAsync(id)).OrderByDescending(n => n.Email).ToList());

        // Its status and due date change: a notification of each kind to each, none to staff.
        await EditAsStaffAsync(id, f => { f.Status = ActionStatus.InProgress; f.DueDate = new DateTime(2027, 1, 15); });
        var afterEdit = await NotificationsOfAsync(id);
        Assert.Equal(6, afterEdit.Count);
        Assert.Equal(2, afterEdit.Count(n => n.Kind == NotificationKind.ActionStatusChanged));
        Assert.Equal(2, afterEdit.Count(n => n.Kind == NotificationKind.ActionDueDateChanged));
        Assert.DoesNotContain(afterEdit, n => n.Email == "staff@kktt.demo");

        // The World Bank's partner posts an update: the coordinator hears of it, the partner does not hear of its own.
        await host.SignInAsAsync(WorldBankPartner);
        Assert.True((await host.Get<ActionItemService>().PostUpdateAsync(id, new ActionUpdateForm { Text = "Draft chapter sent " + run })).IsValid);
        var updates = (await NotificationsOfAsync(id)).Where(n => n.Kind == NotificationKind.ActionUpdatePosted).ToList();
        Assert.Equal([("coordinator@kktt.demo", NotificationKind.ActionUpdatePosted, NotificationDelivery.Immediate)], updates);
        // Staff move it on from the item's page: a status change for the partner, not a second assignment.
        await host.SignInAsRoleAsync(Roles.Staff);
        Assert.True((await host.Get<ActionItemService>().PostUpdateAsync(id, new ActionUpdateForm { NewStatus = ActionStatus.Blocked })).IsValid);
        Assert.Equal(2, (await NotificationsOfAsync(id)).Count(n => n.Kind == NotificationKind.ActionAssigned));
        Assert.Equal(4, (await NotificationsOfAsync(id)).Count(n => n.Kind == NotificationKind.ActionStatusChanged));

        // Reassigned to a partner of another organization: it cannot see the World Bank's item, so it is told nothing.
        await EditAsStaffAsync(id, f => f.AssigneeId = other.PersonId);
        Assert.DoesNotContain(await NotificationsOfAsync(id), n => n.Email == other.Email);

        // By e-mail at once (the default): the partner 4 (assigned, status twice, due date), the coordinator 5 (and the update).
        Assert.Equal(9, await QueryAsync(db => db.Notifications.CountAsync(n => n.ActionItemId == id)));
        Assert.Equal(9, await SendQueueAsync());
        var received = await ReceivedAsync(run);
        Assert.Equal(9, received.Count);
        Assert.Equal(4, received.Count(r => To(r.Message) == WorldBankPartner));
        Assert.Equal(5, received.Count(r => To(r.Message) == "coordinator@kktt.demo"));
        Assert.DoesNotContain(received, r => To(r.Message) is "staff@kktt.demo" || To(r.Message) == other.Email);

        // The World Bank reads English (an international organization); KKTT's coordinator Thai. The Thai subject is
        // encoded for the header (RFC 2047) and reads back whole; links go to the record at the public address.
        var status = received.Where(r => To(r.Message) == WorldBankPartner && (r.Message.Subject ?? "").StartsWith("The status of an action item changed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, status.Count);
        Assert.Contains(status, s => (s.Message.TextBody ?? "").Contains("New status: In progress", StringComparison.Ordinal));
        var statusMail = status[0];
        Assert.Contains($"https://portal.kktt.example/action-items/{id}", statusMail.Message.TextBody);
        var thai = received.Single(r => To(r.Message) == "coordinator@kktt.demo" && (r.Message.Subject ?? "").StartsWith("มีการรายงานความคืบหน้าของภารกิจ", StringComparison.Ordinal));
        Assert.Equal($"มีการรายงานความคืบหน้าของภารกิจ: ภารกิจทดสอบ {run}", thai.Message.Subject);
        Assert.Matches(@"(?im)^Subject: =\?utf-8\?[bq]\?", thai.Raw);
        Assert.Contains("Draft chapter sent " + run, thai.Message.TextBody);

        // Sending again sends nothing more.
        Assert.Equal(0, await SendQueueAsync());
        Assert.Equal(9, (await ReceivedAsync(run)).Count);
    }

    [Fact]
    public async Task Approved_minutes_reach_those_who_attended_and_the_partners_of_attending_organizations_but_not_the_approver()
    {
        var meetingId = await QueryAsync(db => db.Meetings.Where(m => m.RoomEn == "Aiyara Room").Select(m => m.Id).SingleAsync());
        // The administrator's account belongs to one of the people present; another partner's organization did not attend.
        var attendee = await QueryAsync(db => db.Attendees.Where(a => a.MeetingId == meetingId && a.Status == Portal.Features.Meetings.AttendanceStatus.Present)
            .Select(a => a.PersonId).FirstAsync());
        await QueryAsync(async db => { (await db.Users.SingleAsync(u => u.Email == "admin@kktt.demo")).PersonId = attendee; return await db.SaveChangesAsync(); });
        var other = await OtherPartnerAsync("CMKL");
        await QueryAsync(async db => { await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.TitleEn, m => m.TitleEn + " " + run).SetProperty(m => m.TitleTh, m => m.TitleTh + " " + run)); return 0; });

        await host.SignInAsRoleAsync(Roles.Staff);
        var minutes = host.Get<MinutesService>();
        Assert.True((await minutes.TransitionAsync(meetingId, MinutesTransition.StartCorrection, "Typo " + run)).IsValid);
        Assert.True((await minutes.TransitionAsync(meetingId, MinutesTransition.SubmitForReview)).IsValid);
        Assert.Empty(await NotificationsOfAsync(meetingId: meetingId));
        await host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.True((await minutes.TransitionAsync(meetingId, MinutesTransition.Approve)).IsValid);

        var told = (await NotificationsOfAsync(meetingId: meetingId)).Select(n => n.Email).ToList();
        Assert.Contains("admin@kktt.demo", told);
        Assert.Contains(WorldBankPartner, told);
        Assert.DoesNotContain("coordinator@kktt.demo", told);   // the approver
        Assert.DoesNotContain(other.Email, told);
        Assert.All(await NotificationsOfAsync(meetingId: meetingId), n => Assert.Equal(NotificationKind.MinutesApproved, n.Kind));

        await SendQueueAsync();
        var received = await ReceivedAsync(run);
        Assert.Equal(told.Order(), received.Select(r => To(r.Message)).Order());
        var worldBank = received.Single(r => To(r.Message) == WorldBankPartner).Message;
        Assert.StartsWith("Minutes of a meeting you attended were approved", worldBank.Subject);
        Assert.Contains($"https://portal.kktt.example/meetings/{meetingId}", worldBank.TextBody);
        Assert.Contains("Version 2", worldBank.TextBody);
    }

    [Fact]
    public async Task Off_tells_nothing_and_digest_waits_for_the_morning_email_that_also_holds_the_reminders()
    {
        await host.SignInAsAsync(WorldBankPartner);
        await host.Get<NotificationService>().SavePreferencesAsync(new Dictionary<NotificationKind, NotificationDelivery>
        {
            [NotificationKind.ActionStatusChanged] = NotificationDelivery.Off, [NotificationKind.ActionDueDateChanged] = NotificationDelivery.Digest,
        });
        Assert.Equal(NotificationDelivery.Digest, (await host.Get<NotificationService>().PreferencesAsync())[NotificationKind.ActionDueDateChanged]);

        var today = ActionDue.Today(TimeProvider.System);
        var id = await NewItemAsStaffAsync(run, [await OrganizationAsync("WB")], null, today.AddDays(20));
        await EditAsStaffAsync(id, f => { f.Status = ActionStatus.Blocked; f.DueDate = today.AddDays(3).ToDateTime(TimeOnly.MinValue); });
        Assert.Equal([(WorldBankPartner, NotificationKind.ActionAssigned, NotificationDelivery.Immediate),
            (WorldBankPartner, NotificationKind.ActionDueDateChanged, NotificationDelivery.Digest)], await NotificationsOfAsync(id));

        // At once: only the assignment. The due date waits for the digest; the status change is not told at all.
        Assert.Equal(1, await SendQueueAsync());
        Assert.Equal(["An action item was assigned to you or your organization: Test item " + run], (await ReceivedAsync(run)).Select(r => r.Message.Subject));

        // Next morning: one e-mail to the partner, its reminders (the item, now due in 2 days) and its digest together.
        var morning = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
        var reminders = ReminderServiceAt(morning, host.Get<MailSender>());
        Assert.True(await reminders.SendDueRemindersAsync() >= 1);
        var digest = Assert.Single(await ReceivedAsync(run, WorldBankPartner), r => !(r.Message.Subject ?? "").StartsWith("An action item", StringComparison.Ordinal)).Message;
        Assert.Contains("ภารกิจที่ใกล้ครบกำหนดและเลยกำหนด", digest.Subject);
        var body = digest.TextBody ?? "";
        Assert.Contains($"[Due soon] Test item {run}", body);                 // the reminder
        Assert.Contains("The due date of an action item changed: Test item " + run, body);  // the digest
        Assert.DoesNotContain("The status of an action item changed", body);
        Assert.True(body.IndexOf("Also since the last digest:", StringComparison.Ordinal) > body.IndexOf("[Due soon]", StringComparison.Ordinal));
        Assert.Equal(0, await QueryAsync(db => db.Notifications.CountAsync(n => n.Delivery == NotificationDelivery.Digest && n.DigestedAt == null)));

        // The same morning again, or a second instance: nothing more.
        Assert.Equal(0, await ReminderServiceAt(morning.AddHours(2), host.Get<MailSender>()).SendDueRemindersAsync());
        Assert.Equal(0, await SendQueueAsync());
        Assert.Equal(2, (await ReceivedAsync(run, WorldBankPartner)).Count);
    }

    private ReminderService ReminderServiceAt(DateTimeOffset now, MailSender mail)
    {
        var clock = new FixedClock(now);
        return new ReminderService(Db, mail, host.Get<IConfiguration>(), clock, host.Get<PublicAddress>(),
            new NotificationOutbox(Db, mail, clock, host.Get<IConfiguration>(), NullLogger<NotificationOutbox>.Instance), host.Get<Notifier>());
    }

    [Fact]
    public async Task A_digest_due_while_the_mail_server_is_down_is_kept_and_sent_once_when_it_is_back()
    {
        var today = ActionDue.Today(TimeProvider.System);
        await NewItemAsStaffAsync(run, [await OrganizationAsync("WB")], null, today.AddDays(1));
        var morning = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Smtp:Host"] = "127.0.0.1", ["Portal:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Smtp:TimeoutSeconds"] = "2",
        }).Build();
        var down = new MailSender(settings, host.Get<DataDirectory>(), TimeProvider.System, NullLogger<MailSender>.Instance);

        var queued = await ReminderServiceAt(morning, down).SendDueRemindersAsync();
        Assert.True(queued >= 1);
        Assert.Empty(await ReceivedAsync(run, WorldBankPartner));
        // Every message of the day is still to send and none is claimed; the first one tried (the item's assignment, queued
        // before) says why it waits; the day is not run a second time.
        var unsent = await QueryAsync(db => db.OutgoingMails.Where(m => m.SentAt == null).ToListAsync());
        Assert.Equal(queued, unsent.Count(m => m.Key.StartsWith("digest:", StringComparison.Ordinal)));
        Assert.All(unsent, m => Assert.Null(m.ClaimedAt));
        var tried = Assert.Single(unsent, m => m.Attempts > 0);
        Assert.Contains("127.0.0.1", tried.LastError);
        Assert.Equal(0, await ReminderServiceAt(morning.AddHours(1), down).SendDueRemindersAsync());

        // The server is back: the next run of the sender delivers them all, once.
        Assert.Equal(unsent.Count, await SendQueueAsync());
        static bool IsDigest(MimeMessage m) => (m.Subject ?? "").Contains("ภารกิจที่ใกล้ครบกำหนดและเลยกำหนด", StringComparison.Ordinal);
        var digest = Assert.Single(await ReceivedAsync(run, WorldBankPartner), r => IsDigest(r.Message)).Message;
        Assert.Contains($"[Due soon] Test item {run}", digest.TextBody);
        Assert.Equal(0, await SendQueueAsync());
        Assert.Equal(0, await ReminderServiceAt(morning.AddHours(2), host.Get<MailSender>()).SendDueRemindersAsync());
        Assert.Single(await ReceivedAsync(run, WorldBankPartner), r => IsDigest(r.Message));
    }

    [Fact]
    public async Task Two_senders_racing_over_one_queue_send_each_message_exactly_once()
    {
        const int count = 40;
        await QueueAsync(count, _ => null);
        // Two senders as two portal instances have them: each its own contexts and connections to the one database.
        var senders = Enumerable.Range(0, 2).Select(_ => new NotificationOutbox(Db, host.Get<MailSender>(), TimeProvider.System, host.Get<IConfiguration>(),
            NullLogger<NotificationOutbox>.Instance)).ToList();
        var results = await Task.WhenAll(senders.Select(s => Task.Run(() => s.SendPendingAsync())));
        Assert.Equal(count, results.Sum());
        Assert.Equal(0, await QueryAsync(db => db.OutgoingMails.CountAsync(m => m.SentAt == null)));

        var received = await ReceivedAsync(run);
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(r => To(r.Message)).Distinct().Count());
    }

    [Fact]
    public async Task A_claim_left_by_a_sender_that_stopped_is_taken_up_after_the_claim_timeout_and_not_before()
    {
        var now = DateTime.UtcNow;
        // Three messages: one claimed 11 minutes ago by an instance that then died, one claimed a minute ago (its sender
        // may still be at it), one never claimed.
        await QueueAsync(3, i => i switch { 0 => now.AddMinutes(-11), 1 => now.AddMinutes(-1), _ => null });
        Assert.Equal(2, await SendQueueAsync());
        var received = await ReceivedAsync(run);
        Assert.Equal([$"queued-0-{run}@example.test", $"queued-2-{run}@example.test"], received.Select(r => To(r.Message)).Order());

        // Ten minutes on, the fresh claim is stale too and is taken up: each message once in all.
        var later = new NotificationOutbox(Db, host.Get<MailSender>(), new FixedClock(DateTimeOffset.UtcNow.AddMinutes(10)), host.Get<IConfiguration>(),
            NullLogger<NotificationOutbox>.Instance);
        Assert.Equal(1, await later.SendPendingAsync());
        Assert.Equal(0, await later.SendPendingAsync());
        Assert.Equal(3, (await ReceivedAsync(run)).Count);
        Assert.Equal(3, (await ReceivedAsync(run)).Select(r => To(r.Message)).Distinct().Count());
    }

    private Task<int> QueueAsync(int count, Func<int, DateTime?> claimedAt) => QueryAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            var message = new MimeMessage();
            message.From.Add(host.Get<MailSender>().From);
            message.To.Add(new MailboxAddress("", $"queued-{i}-{run}@example.test"));
            message.Subject = $"ทดสอบคิว {i} {run}";
            message.Body = new TextPart("plain") { Text = "ข้อความทดสอบ " + run };
            NotificationOutbox.Enqueue(db, $"test:{run}:{i}", message);
        }
        await db.SaveChangesAsync();
        for (var i = 0; i < count; i++)
            if (claimedAt(i) is { } at)
            {
                var key = $"test:{run}:{i}";
                await db.OutgoingMails.Where(m => m.Key == key).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedAt, at).SetProperty(m => m.ClaimToken, "dead"));
            }
        return 0;
    });

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
