using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Auth;

namespace Portal.Components.Account;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp and the sign-in session for the
// connected user every minute an interactive circuit is connected, and signs the circuit out at once when its session is
// ended on this instance.
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly SessionRevocation revocation;
    private readonly SignInSessionStore sessions;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, SessionRevocation revocation, SignInSessionStore sessions) : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.revocation = revocation;
        this.sessions = sessions;
        revocation.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private async void OnRevoked(string userId, string? keptSessionId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId
                && (keptSessionId is null || SignInSessionStore.SessionIdOf(state.User) != keptSessionId))
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // The circuit has not set its user yet (or is gone): its first check of the cookie refuses it anyway.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) revocation.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // A session ended on another instance (signed out, a password changed there) is gone from the database.
        return SignInSessionStore.SessionIdOf(authenticationState.User) is { } sessionId
            && await sessions.ExistsAsync(sessionId, cancellationToken)
            && await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
