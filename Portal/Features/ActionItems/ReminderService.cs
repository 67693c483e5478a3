using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Data;
using Portal.Features.Notifications;
using Portal.Features.People;
using Portal.Hosting;
using Portal.Localization;
using Portal.Mail;

namespace Portal.Features.ActionItems;

/// <summary>
/// Once a day, a digest to each assignee and to the partner accounts of each owner organization, listing their items
/// that are overdue or due within the next days, together with the notifications its reader chose to receive as a daily
/// digest (one e-mail a day, not two). The day is claimed in the database in the same transaction that queues the day's
/// messages in the outbox (<see cref="NotificationOutbox"/>), so several portal instances or a restart never send it
/// twice, and a mail server that is down delays the messages rather than losing them.
/// </summary>
public class ReminderService(IDbContextFactory<PortalDbContext> dbFactory, MailSender mail, IConfiguration configuration, TimeProvider clock, PublicAddress publicAddress,
    NotificationOutbox outbox, Notifier notifier)
{
    public int DaysAhead => configuration.GetValue<int?>("Portal:Reminders:DaysAhead") ?? 7;

    public sealed record Digest(string Email, string Name, IReadOnlyList<ActionItem> Items, IReadOnlyList<Notification>? Notices = null);

    /// <summary>Queues and sends today's digests unless they were queued already; returns how many messages were queued.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = ActionDue.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ReminderRuns.AnyAsync(r => r.Date == today, cancellationToken))
            return 0;
        var digests = await BuildDigestsAsync(db, today, cancellationToken);
        // The notifications waiting for a digest join the reminders of the same address, or make a digest of their own.
        var waiting = await db.Notifications.Where(n => n.Delivery == NotificationDelivery.Digest && n.DigestedAt == null)
            .OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var userIds = waiting.Select(n => n.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Email, u.DisplayName), cancellationToken);
        foreach (var group in waiting.GroupBy(n => n.UserId))
        {
            if (users.GetValueOrDefault(group.Key).Email is not { Length: > 0 } email) continue;
            var index = digests.FindIndex(d => string.Equals(d.Email, email, StringComparison.OrdinalIgnoreCase));
            digests = index >= 0
                ? [.. digests[..index], digests[index] with { Notices = [.. digests[index].Notices ?? [], .. group] }, .. digests[(index + 1)..]]
                : [.. digests, new Digest(email, string.IsNullOrWhiteSpace(users[group.Key].DisplayName) ? email : users[group.Key].DisplayName, [], [.. group])];
        }
        foreach (var notification in waiting)
            notification.DigestedAt = db.UtcNow;
        // Claim the day and queue its messages at once: a second instance racing here fails on the day's key and queues nothing.
        db.ReminderRuns.Add(new ReminderRun { Date = today, StartedAt = db.UtcNow, Messages = digests.Count });
        foreach (var digest in digests)
            NotificationOutbox.Enqueue(db, $"digest:{today:yyyy-MM-dd}:{digest.Email.ToLowerInvariant()}", Compose(digest, today));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return 0;
        }
        await outbox.SendPendingAsync(cancellationToken);
        return digests.Count;
    }

    public async Task<List<Digest>> BuildDigestsAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(DaysAhead);
        var items = await db.ActionItems.AsNoTracking().AsSplitQuery()
            .Where(i => ActionDue.ActiveStatuses.Contains(i.Status) && i.DueDate != null && i.DueDate <= horizon)
            .Include(i => i.Assignee).Include(i => i.Owners).ThenInclude(o => o.Organization)
            .OrderBy(i => i.DueDate).ToListAsync(cancellationToken);
        var ownerIds = items.SelectMany(i => i.Owners).Select(o => o.OrganizationId).Distinct().ToList();
        var partners = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId != null && ownerIds.Contains(u.OrganizationId.Value) && u.Email != null && u.LockoutEnd == null)
            .Select(u => new { u.Email, u.DisplayName, OrganizationId = u.OrganizationId!.Value }).ToListAsync(cancellationToken);

        var byRecipient = new Dictionary<string, (string Name, List<ActionItem> Items)>(StringComparer.OrdinalIgnoreCase);
        void Add(string? email, string name, ActionItem item)
        {
            if (string.IsNullOrWhiteSpace(email)) return;
            if (!byRecipient.TryGetValue(email, out var entry))
                byRecipient[email] = entry = (name, []);
            if (!entry.Items.Contains(item))
                entry.Items.Add(item);
        }
        foreach (var item in items)
        {
            if (item.Assignee is { AnonymizedAt: null } assignee)
                Add(assignee.Email, PersonNames.Full(assignee, thai: true), item);
            foreach (var partner in partners.Where(p => item.Owners.Any(o => o.OrganizationId == p.OrganizationId)))
                Add(partner.Email, partner.DisplayName, item);
        }
        return byRecipient.Select(r => new Digest(r.Key, r.Value.Name, r.Value.Items)).OrderBy(d => d.Email).ToList();
    }

    /// <summary>One bilingual message: Thai first, as Thai officials read it, then English.</summary>
    public MimeMessage Compose(Digest digest, DateOnly today)
    {
        var message = new MimeMessage();
        message.From.Add(mail.From);
        message.To.Add(new MailboxAddress(digest.Name, digest.Email));
        var subject = digest.Items.Count > 0 ? "Reminder.Subject" : "Notification.DigestSubject";
        message.Subject = $"{BilingualText.Get(subject, thai: true)} · {BilingualText.Get(subject, thai: false)}";
        var body = new StringBuilder();
        foreach (var thai in new[] { true, false })
        {
            var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
            var intro = digest.Items.Count > 0 ? "Reminder.Intro" : "Notification.DigestIntro";
            body.AppendLine(string.Format(culture, BilingualText.Get(intro, thai), digest.Name, ThaiDates.LongDate(today, culture))).AppendLine();
            foreach (var item in digest.Items)
            {
                var state = ActionDue.IsOverdue(item.Status, item.DueDate, today) ? BilingualText.Get("ActionItem.Overdue", thai) : BilingualText.Get("Reminder.DueSoon", thai);
                body.AppendLine(culture, $"- [{state}] {item.Title(thai)}");
                body.AppendLine(culture, $"  {BilingualText.Get("ActionItem.DueDate", thai)}: {ThaiDates.LongDate(item.DueDate!.Value, culture)} · {BilingualText.Get($"ActionStatus.{item.Status}", thai)}");
                body.AppendLine(culture, $"  {publicAddress.Link($"action-items/{item.Id}")}");
            }
            if (digest.Notices is { Count: > 0 } notices)
            {
                if (digest.Items.Count > 0)
                    body.AppendLine().AppendLine(BilingualText.Get("Notification.DigestHeading", thai));
                foreach (var notification in notices)
                    notifier.AppendEntry(body, notification, thai);
            }
            body.AppendLine();
        }
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }
}

/// <summary>A day on which the reminders were sent.</summary>
[Audited]
public class ReminderRun
{
    public DateOnly Date { get; set; }
    public DateTime StartedAt { get; set; }
    public int Messages { get; set; }
}
