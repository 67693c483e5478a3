using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Hosting;
using Portal.Localization;
using Portal.Mail;

namespace Portal.Features.Notifications;

/// <summary>
/// Decides who is told of a change, writes their notifications and queues the e-mails of those who want them at once, all
/// in one transaction. Called by the action items and the minutes after their change is saved. Who is told: the accounts
/// of the item's owner organizations and the account of its assignee (a partner only when its organization owns
/// the item, as <see cref="ActionItemService"/> decides what it sees); for minutes, the accounts of the people who attended
/// and the partner accounts of the attending organizations (as <see cref="MeetingAccess"/> decides). Never the person who
/// made the change.
/// </summary>
public class Notifier(IDbContextFactory<PortalDbContext> dbFactory, NotificationSignal signal, MailSender mail,
    PublicAddress publicAddress, ILogger<Notifier> logger)
{
    /// <summary>What an action item was before a change, to tell what changed.</summary>
    public sealed record ItemState(int? AssigneeId, IReadOnlyList<int> OwnerIds, DateOnly? DueDate, ActionStatus Status)
    {
        public static ItemState Of(ActionItem item) => new(item.AssigneeId, item.Owners.Select(o => o.OrganizationId).ToList(), item.DueDate, item.Status);
    }

    internal sealed record Recipient(string UserId, string? Email, string Name, bool Thai, int? PersonId, int? OrganizationId, bool Partner);

    /// <summary>An item was created (<paramref name="before"/> null), edited, or had an update posted (<paramref name="updateText"/>).</summary>
    public async Task ActionItemChangedAsync(int itemId, ItemState? before, AuditActor actor, string? updateText = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var item = await db.ActionItems.AsNoTracking().Include(i => i.Owners).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
            if (item is null) return;
            var after = ItemState.Of(item);
            var owners = after.OwnerIds.ToList();
            var recipients = (await RecipientsAsync(db, u => (u.OrganizationId != null && owners.Contains(u.OrganizationId.Value))
                    || (item.AssigneeId != null && u.PersonId == item.AssigneeId), cancellationToken))
                // A partner hears only of items its organization owns: those it may open.
                .Where(r => !r.Partner || (r.OrganizationId is { } org && owners.Contains(org)))
                .Where(r => r.UserId != actor.UserId).ToList();

            var changes = new List<(NotificationKind Kind, string? Detail)>();
            if (before is not null && before.Status != after.Status)
                changes.Add((NotificationKind.ActionStatusChanged, after.Status.ToString()));
            if (before is not null && before.DueDate != after.DueDate)
                changes.Add((NotificationKind.ActionDueDateChanged, after.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
            if (!string.IsNullOrWhiteSpace(updateText))
                changes.Add((NotificationKind.ActionUpdatePosted, Excerpt(updateText)));

            var notices = new List<(Recipient, NotificationKind, string?)>();
            foreach (var recipient in recipients)
            {
                var newlyOwned = recipient.OrganizationId is { } org && after.OwnerIds.Contains(org) && (before is null || !before.OwnerIds.Contains(org));
                var newlyAssigned = recipient.PersonId is { } personId && personId == after.AssigneeId && before?.AssigneeId != after.AssigneeId;
                if (newlyOwned || newlyAssigned)
                    notices.Add((recipient, NotificationKind.ActionAssigned, null));
                else
                    notices.AddRange(changes.Select(c => (recipient, c.Kind, c.Detail)));
            }
            await WriteAsync(db, notices, actor, item.TitleTh, item.TitleEn, itemId, null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; a notification that could not be written must not turn it into an error.
            logger.LogError(e, "Notifying the change of action item {Id} failed", itemId);
        }
    }

    /// <summary>A meeting's minutes were approved (a first version or a correction).</summary>
    public async Task MinutesApprovedAsync(int meetingId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var approved = await db.ApprovedMinutes.AsNoTracking().Where(v => v.MeetingId == meetingId).OrderByDescending(v => v.Version)
                .Select(v => new { v.Version, v.TitleTh, v.TitleEn, Organizations = v.AttendingOrganizations.Select(o => o.OrganizationId).ToList() })
                .FirstOrDefaultAsync(cancellationToken);
            if (approved is null) return;
            var attended = await db.Attendees.Where(a => a.MeetingId == meetingId && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.OnBehalf))
                .Select(a => a.PersonId).ToListAsync(cancellationToken);
            var organizations = approved.Organizations;
            var recipients = (await RecipientsAsync(db, u => (u.PersonId != null && attended.Contains(u.PersonId.Value))
                    || (u.OrganizationId != null && organizations.Contains(u.OrganizationId.Value)), cancellationToken))
                // A partner reads approved minutes only of meetings its organization attended.
                .Where(r => !r.Partner || (r.OrganizationId is { } org && organizations.Contains(org)))
                .Where(r => r.UserId != actor.UserId).ToList();
            var detail = approved.Version.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(db, recipients.Select(r => (r, NotificationKind.MinutesApproved, (string?)detail)).ToList(), actor,
                approved.TitleTh, approved.TitleEn, null, meetingId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Notifying the approval of the minutes of meeting {Id} failed", meetingId);
        }
    }

    private static async Task<List<Recipient>> RecipientsAsync(PortalDbContext db, System.Linq.Expressions.Expression<Func<ApplicationUser, bool>> who,
        CancellationToken cancellationToken)
    {
        var now = new DateTimeOffset(db.UtcNow);
        // A locked account (disabled by an administrator) is told nothing; SQLite cannot compare the lockout's offset, so here.
        var users = (await db.Users.AsNoTracking().Where(who)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PersonId, u.OrganizationId, u.LockoutEnd, Kind = u.Organization == null ? (Organizations.OrganizationKind?)null : u.Organization.Kind })
            .ToListAsync(cancellationToken)).Where(u => u.LockoutEnd is null || u.LockoutEnd < now).ToList();
        var ids = users.Select(u => u.Id).ToList();
        var partnerRole = await db.Roles.Where(r => r.Name == Roles.Partner).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var partners = (await db.UserRoles.Where(r => ids.Contains(r.UserId) && r.RoleId == partnerRole).Select(r => r.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var internalUsers = (await db.UserRoles.Where(r => ids.Contains(r.UserId) && r.RoleId != partnerRole).Select(r => r.UserId).ToListAsync(cancellationToken)).ToHashSet();
        // An account with no role at all sees nothing, so it is told nothing.
        return users.Where(u => partners.Contains(u.Id) || internalUsers.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName,
                u.Kind != Organizations.OrganizationKind.InternationalOrganization, u.PersonId, u.OrganizationId, partners.Contains(u.Id)))
            .ToList();
    }

    private async Task WriteAsync(PortalDbContext db, List<(Recipient Recipient, NotificationKind Kind, string? Detail)> notices, AuditActor actor,
        string titleTh, string titleEn, int? actionItemId, int? meetingId, CancellationToken cancellationToken)
    {
        if (notices.Count == 0) return;
        var userIds = notices.Select(n => n.Recipient.UserId).Distinct().ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToListAsync(cancellationToken);
        var actorName = actor.UserId is { } actorId
            ? await db.Users.Where(u => u.Id == actorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? actor.Name
            : actor.Name;
        if (string.IsNullOrWhiteSpace(actorName)) actorName = actor.Name;
        var written = new List<(Recipient Recipient, Notification Notification)>();
        foreach (var (recipient, kind, detail) in notices)
        {
            var delivery = preferences.FirstOrDefault(p => p.UserId == recipient.UserId && p.Kind == kind)?.Delivery ?? NotificationDelivery.Immediate;
            if (delivery == NotificationDelivery.Off) continue;
            var notification = new Notification
            {
                UserId = recipient.UserId, Kind = kind, ActionItemId = actionItemId, MeetingId = meetingId, TitleTh = Cut(titleTh, 500), TitleEn = Cut(titleEn, 500),
                Detail = detail, ActorName = Cut(actorName, 256), CreatedAt = db.UtcNow, Delivery = delivery,
            };
            db.Notifications.Add(notification);
            written.Add((recipient, notification));
        }
        if (written.Count == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (recipient, notification) in written.Where(w => w.Notification.Delivery == NotificationDelivery.Immediate && !string.IsNullOrWhiteSpace(w.Recipient.Email)))
            NotificationOutbox.Enqueue(db, $"notification:{notification.Id}", Compose(notification, recipient.Email!, recipient.Name, recipient.Thai));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Raise(written.Select(w => w.Recipient.UserId).Distinct());
        signal.Wake();
    }

    /// <summary>One notification as an e-mail of its own, in the reader's language.</summary>
    public MimeMessage Compose(Notification notification, string email, string name, bool thai)
    {
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        var message = new MimeMessage();
        message.From.Add(mail.From);
        message.To.Add(new MailboxAddress(name, email));
        message.Subject = $"{BilingualText.Get($"Notification.Kind.{notification.Kind}", thai)}: {Title(notification, thai)}";
        var body = new StringBuilder();
        body.AppendLine(string.Format(culture, BilingualText.Get("Notification.Greeting", thai), name)).AppendLine();
        AppendEntry(body, notification, thai);
        body.AppendLine().AppendLine(string.Format(culture, BilingualText.Get("Notification.SettingsHint", thai), publicAddress.Link("notifications/settings")));
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    /// <summary>A notification as a few lines of an e-mail: what happened, to what, by whom, and the link to the record.</summary>
    public void AppendEntry(StringBuilder body, Notification notification, bool thai)
    {
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        body.AppendLine(culture, $"- {BilingualText.Get($"Notification.Kind.{notification.Kind}", thai)}: {Title(notification, thai)}");
        if (DetailText(notification, thai) is { Length: > 0 } detail)
            body.AppendLine(culture, $"  {detail}");
        body.AppendLine(culture, $"  {string.Format(culture, BilingualText.Get("Notification.By", thai), notification.ActorName)} · {ThaiDates.DateTime(notification.CreatedAt, culture)}");
        body.AppendLine(culture, $"  {publicAddress.Link(notification.Link)}");
    }

    public static string Title(Notification notification, bool thai) => new Bilingual(notification.TitleTh, notification.TitleEn).In(thai);

    /// <summary>What changed, in the reader's language; empty when the kind says it all.</summary>
    public static string DetailText(Notification notification, bool thai)
    {
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        string Text(string key, object value) => string.Format(culture, BilingualText.Get(key, thai), value);
        return notification.Kind switch
        {
            NotificationKind.ActionStatusChanged when Enum.TryParse<ActionStatus>(notification.Detail, out var status) =>
                Text("Notification.NewStatus", BilingualText.Get($"ActionStatus.{status}", thai)),
            NotificationKind.ActionDueDateChanged => DateOnly.TryParseExact(notification.Detail, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                ? Text("Notification.NewDueDate", ThaiDates.LongDate(due, culture)) : BilingualText.Get("Notification.NoDueDate", thai),
            NotificationKind.ActionUpdatePosted => $"“{notification.Detail}”",
            NotificationKind.MinutesApproved => Text("Notification.MinutesVersion", notification.Detail ?? ""),
            _ => "",
        };
    }

    private static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..199] + "…";
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// Tells the open pages of the accounts concerned that they have new notifications (the unread count in the app bar), and
/// this instance's outbox sender that there is mail to send.
/// </summary>
public sealed class NotificationSignal : IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public event Action<IReadOnlySet<string>>? Changed;

    public void Raise(IEnumerable<string> userIds) => Changed?.Invoke(userIds.ToHashSet());

    /// <summary>Asks the background sender to run now rather than at its next tick.</summary>
    public void Wake()
    {
        try { wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    internal Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => wake.Dispose();
}
