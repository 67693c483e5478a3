using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Audit;

/// <summary>Which entries: of one kind of record (and one record), by a typed name or one account, in a period of Bangkok days.</summary>
public sealed record AuditQuery(string? EntityType, string? EntityId, string? User, int Page, int PageSize,
    string? UserId = null, DateOnly? From = null, DateOnly? To = null);

public class AuditService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<PagedResult<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            entries = entries.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId))
            entries = entries.Where(a => a.EntityId == query.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(query.User))
            entries = entries.Where(a => a.UserName.Contains(query.User.Trim()));
        if (!string.IsNullOrWhiteSpace(query.UserId))
            entries = entries.Where(a => a.UserId == query.UserId);
        if (query.From is { } from)
        {
            var start = BangkokMidnightUtc(from);
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to && to < DateOnly.MaxValue)
        {
            var end = BangkokMidnightUtc(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }
        var total = await entries.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var items = await entries.OrderByDescending(a => a.Id).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(items, total);
    }

    /// <summary>The entries as a reader's history: names instead of ids, labels and choices in the reader's language.</summary>
    public async Task<PagedResult<AuditRecord>> HistoryAsync(AuditQuery query, bool thai, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(query, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new PagedResult<AuditRecord>(await new AuditHistory(db, thai).ReadAsync(page.Items, cancellationToken), page.TotalCount);
    }

    /// <summary>The kinds of record the log holds, with their labels, for the filter.</summary>
    public async Task<List<(string Kind, string Label)>> KindsAsync(bool thai, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kinds = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        var history = new AuditHistory(db, thai);
        return [.. kinds.Select(k => (k, history.KindLabel(k))).OrderBy(k => k.Item2, StringComparer.CurrentCulture)];
    }

    /// <summary>The accounts that appear in the log, by display name, for the "who" filter.</summary>
    public async Task<List<(string UserId, string Name, string? Email)>> ActorsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = db.AuditEntries.Where(a => a.UserId != null).Select(a => a.UserId).Distinct();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return [.. users.Select(u => (u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Email))
            .OrderBy(u => u.Item2, StringComparer.CurrentCulture)];
    }

    private static DateTime BangkokMidnightUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Localization.ThaiDates.Bangkok);

    /// <summary>Records an event that is not a row change of a feature entity, such as a user's roles being changed.</summary>
    public async Task RecordAsync(string entityType, string entityId, AuditAction action, object changes, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow, UserId = actor.UserId, UserName = actor.Name, EntityType = entityType, EntityId = entityId,
            Action = action, Changes = System.Text.Json.JsonSerializer.Serialize(changes, AuditJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records a sign-in attempt under the address typed, whether or not an account has it, with the client's network
    /// address: failed attempts are how guessing shows.
    /// </summary>
    public async Task RecordSignInAsync(string email, Microsoft.AspNetCore.Identity.SignInResult result, string? clientAddress)
    {
        var action = result.Succeeded ? AuditAction.SignedIn : result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed;
        var typed = email.Trim();
        if (typed.Length > 100) typed = typed[..100];
        var normalized = typed.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow, UserId = userId, UserName = typed, EntityType = "SignIn", EntityId = typed, Action = action,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { Address = clientAddress }, AuditJson.Options),
        });
        await db.SaveChangesAsync();
    }
}
