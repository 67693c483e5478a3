using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Data;
using Portal.Features.People;
using Portal.Hosting;
using Portal.Localization;
using Portal.Mail;

namespace Portal.Features.ActionItems;

/// <summary>
/// Once a day, a digest to each assignee and to the partner accounts of each owner organization, listing their items
/// that are overdue or due within the next days. A day's run is recorded in the database, so several portal instances
/// or a restart never send it twice.
/// </summary>
public class ReminderService(IDbContextFactory<PortalDbContext> dbFactory, MailSender mail, IConfiguration configuration, TimeProvider clock, PublicAddress publicAddress)
{
    public int DaysAhead => configuration.GetValue<int?>("Portal:Reminders:DaysAhead") ?? 7;

    public sealed record Digest(string Email, string Name, IReadOnlyList<ActionItem> Items);

    /// <summary>Sends today's digests unless they were sent already; returns how many messages went out.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = ActionDue.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ReminderRuns.AnyAsync(r => r.Date == today, cancellationToken))
            return 0;
        // Claim the day first: a second instance racing here fails on the key and sends nothing.
        var run = new ReminderRun { Date = today, StartedAt = db.UtcNow };
        db.ReminderRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return 0;
        }
        var digests = await BuildDigestsAsync(db, today, cancellationToken);
        foreach (var digest in digests)
            await mail.SendAsync(Compose(digest, today), cancellationToken);
        run.Messages = digests.Count;
        await db.SaveChangesAsync(cancellationToken);
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
        message.Subject = $"{BilingualText.Get("Reminder.Subject", thai: true)} · {BilingualText.Get("Reminder.Subject", thai: false)}";
        var body = new StringBuilder();
        foreach (var thai in new[] { true, false })
        {
            var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
            body.AppendLine(string.Format(culture, BilingualText.Get("Reminder.Intro", thai), digest.Name, ThaiDates.LongDate(today, culture))).AppendLine();
            foreach (var item in digest.Items)
            {
                var state = ActionDue.IsOverdue(item.Status, item.DueDate, today) ? BilingualText.Get("ActionItem.Overdue", thai) : BilingualText.Get("Reminder.DueSoon", thai);
                body.AppendLine(culture, $"- [{state}] {item.Title(thai)}");
                body.AppendLine(culture, $"  {BilingualText.Get("ActionItem.DueDate", thai)}: {ThaiDates.LongDate(item.DueDate!.Value, culture)} · {BilingualText.Get($"ActionStatus.{item.Status}", thai)}");
                body.AppendLine(culture, $"  {publicAddress.Link($"action-items/{item.Id}")}");
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
