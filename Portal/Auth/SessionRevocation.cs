using System.Security.Claims;

namespace Portal.Auth;

/// <summary>
/// Ends a user's sessions at once: when an administrator changes their role or disables them (all of them), and when
/// they change their password (all but the one they changed it in). The sessions' rows go from the database, so every
/// instance refuses their cookies from the next request; open pages on this instance lose their sign-in immediately, and
/// on other instances at their next check (every minute).
/// </summary>
public sealed class SessionRevocation(SignInSessionStore sessions)
{
    /// <summary>Raised with the user's id and the session that stays (or null); the user's other circuits sign out.</summary>
    public event Action<string, string?>? Revoked;

    public async Task EndAllSessionsAsync(string userId)
    {
        await sessions.RemoveSessionsOfUserAsync(userId, keptSessionId: null);
        Revoked?.Invoke(userId, null);
    }

    /// <summary>Ends every session of the signed-in user except the one of this principal.</summary>
    public async Task EndOtherSessionsAsync(ClaimsPrincipal current)
    {
        var userId = current.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in.");
        // Without a session id (which every sign-in has) the current session cannot be told apart: end them all.
        var kept = SignInSessionStore.SessionIdOf(current);
        await sessions.RemoveSessionsOfUserAsync(userId, kept);
        Revoked?.Invoke(userId, kept);
    }
}
