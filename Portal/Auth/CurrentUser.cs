using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Auth;

/// <summary>
/// The signed-in user of this circuit or request. Services use it to stamp audit entries and to
/// re-check roles on the server, so a hidden button is never the only guard.
/// </summary>
public class CurrentUser(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync()
    {
        // During a plain HTTP request (endpoints, static sign-in pages) the HttpContext is authoritative;
        // inside an interactive circuit it is gone and the authentication state provider holds the user.
        if (httpContextAccessor.HttpContext is { } http && http.User.Identity?.IsAuthenticated == true)
            return http.User;
        try
        {
            return (await authenticationStateProvider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    /// <summary>For a Partner user, the one organization whose records they may see; null for everyone else.</summary>
    public async Task<int?> PartnerOrganizationIdAsync(Data.PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var principal = await GetPrincipalAsync();
        if (!principal.IsInRole(Roles.Partner) || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return null;
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Users.Where(u => u.Id == userId).Select(u => u.OrganizationId), cancellationToken);
    }

    public async Task<AuditActor> GetActorAsync()
    {
        var principal = await GetPrincipalAsync();
        return principal.Identity?.IsAuthenticated == true
            ? new AuditActor(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.Identity.Name ?? "")
            : AuditActor.System;
    }

    public async Task<bool> IsInAnyRoleAsync(params string[] roles)
    {
        var principal = await GetPrincipalAsync();
        return roles.Any(principal.IsInRole);
    }

    /// <summary>Throws when the user lacks every one of the roles; the caller's UI should never let it come to this.</summary>
    public async Task EnsureInAnyRoleAsync(params string[] roles)
    {
        if (!await IsInAnyRoleAsync(roles))
            throw new UnauthorizedAccessException("The signed-in user may not perform this action.");
    }
}

public record AuditActor(string? UserId, string Name)
{
    public static readonly AuditActor System = new(null, "system");
}
