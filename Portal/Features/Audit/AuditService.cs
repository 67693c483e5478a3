using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Audit;

public sealed record AuditQuery(string? EntityType, string? EntityId, string? User, int Page, int PageSize);

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
        var total = await entries.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var items = await entries.OrderByDescending(a => a.Id).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(items, total);
    }

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
        await using var db = await dbFactory.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.NormalizedEmail == typed.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow, UserId = userId, UserName = typed, EntityType = "SignIn", EntityId = typed, Action = action,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { Address = clientAddress }, AuditJson.Options),
        });
        await db.SaveChangesAsync();
    }
}
