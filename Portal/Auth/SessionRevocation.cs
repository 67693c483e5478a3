using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Auth;

/// <summary>
/// Ends a user's sessions at once when an administrator changes their role or disables them: open pages on this
/// instance lose their sign-in immediately, and cookies issued before are refused on their next request. The new
/// security stamp does the same on every other instance within a minute (the validation interval).
/// </summary>
public sealed class SessionRevocation(TimeProvider time, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>Long after the security stamp has taken over on every instance.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>Security stamps that no sign-in may carry any more, by user; a sign-in since carries the new stamp.</summary>
    private readonly ConcurrentDictionary<(string UserId, string Stamp), DateTimeOffset> revoked = new();

    /// <summary>Raised with the user's id; circuits of that user sign out.</summary>
    public event Action<string>? Revoked;

    /// <summary>Ends the sessions signed in with <paramref name="oldStamp"/>, the stamp the user had before it was renewed.</summary>
    public void Revoke(string userId, string? oldStamp)
    {
        var now = time.GetUtcNow();
        foreach (var (key, at) in revoked)
            if (now - at > Kept) revoked.TryRemove(key, out _);
        if (oldStamp is not null)
            revoked[(userId, oldStamp)] = now;
        Revoked?.Invoke(userId);
    }

    public bool IsRevoked(ClaimsPrincipal? principal) =>
        principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp
        && revoked.ContainsKey((userId, stamp));

    /// <summary>The cookie check: a revoked sign-in is refused before Identity's periodic security-stamp check runs.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<SessionRevocation>().IsRevoked(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
