using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;

namespace Portal.Features.Notifications;

/// <summary>The signed-in person's own notifications and choices; nobody reads or marks another's.</summary>
public class NotificationService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public const int ListSize = 100;

    public static readonly NotificationKind[] Kinds = Enum.GetValues<NotificationKind>();

    public async Task<string?> UserIdAsync() => (await currentUser.GetPrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        await UserIdAsync() is { } userId ? await UnreadCountAsync(userId, cancellationToken) : 0;

    /// <summary>
    /// For a page refreshing on <see cref="NotificationSignal"/>: the announcement runs in the execution context of whoever
    /// made the change, whose request would pass for the signed-in user; the page passes the account it was opened for.
    /// </summary>
    internal async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>The latest notifications, newest first.</summary>
    public async Task<List<Notification>> ListAsync(bool unreadOnly = false, CancellationToken cancellationToken = default) =>
        await UserIdAsync() is { } userId ? await ListAsync(userId, unreadOnly, cancellationToken) : [];

    /// <inheritdoc cref="UnreadCountAsync(string, CancellationToken)"/>
    internal async Task<List<Notification>> ListAsync(string userId, bool unreadOnly, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly) mine = mine.Where(n => n.ReadAt == null);
        return await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(ListSize).ToListAsync(cancellationToken);
    }

    /// <summary>Marks one read and returns the address of its record; null when it is not this person's.</summary>
    public async Task<string?> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await UserIdAsync() is not { } userId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null) return null;
        notification.ReadAt ??= db.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return notification.Link;
    }

    public async Task SetReadAsync(int id, bool read, CancellationToken cancellationToken = default)
    {
        if (await UserIdAsync() is not { } userId) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = db.UtcNow;
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, read ? now : null), cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        if (await UserIdAsync() is not { } userId) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = db.UtcNow;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>This person's choice for every kind; at once where none was made.</summary>
    public async Task<Dictionary<NotificationKind, NotificationDelivery>> PreferencesAsync(CancellationToken cancellationToken = default)
    {
        var chosen = new Dictionary<NotificationKind, NotificationDelivery>();
        if (await UserIdAsync() is { } userId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        }
        return Kinds.ToDictionary(k => k, k => chosen.GetValueOrDefault(k, NotificationDelivery.Immediate));
    }

    public async Task SavePreferencesAsync(IReadOnlyDictionary<NotificationKind, NotificationDelivery> choices, CancellationToken cancellationToken = default)
    {
        var userId = await UserIdAsync() ?? throw new UnauthorizedAccessException("Only a signed-in person has notification settings.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        foreach (var (kind, delivery) in choices)
        {
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(delivery)) continue;
            if (existing.FirstOrDefault(p => p.Kind == kind) is { } row)
                row.Delivery = delivery;
            else
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
