using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Auth;

/// <summary>
/// The sign-in cookie's session store: each sign-in is a <see cref="SignInSession"/> row in the portal's database and the
/// cookie holds only the row's id. Signing out deletes the row, so a copy of the cookie kept from before is refused
/// afterwards, by every instance. Checking a cookie costs one read of one row by its primary key.
/// </summary>
public sealed class SignInSessionStore(IServiceScopeFactory scopes, TimeProvider time) : ITicketStore
{
    /// <summary>
    /// The session's id inside the user's claims, so that a page or circuit knows which sign-in it belongs to (a password
    /// change ends the user's other sessions and keeps this one).
    /// </summary>
    public const string SessionIdClaimType = "portal:session";

    /// <summary>Identity's claim for how the user signed in ("mfa" after an authenticator or recovery code).</summary>
    private const string AuthenticationMethodClaimType = "amr";

    /// <summary>When a ticket carries no expiry of its own (the cookie handler always sets one).</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public static string? SessionIdOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(SessionIdClaimType);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);
    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => InsertAsync(ticket, null, cancellationToken);
    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        InsertAsync(ticket, httpContext.RequestServices, cancellationToken);

    private Task<string> InsertAsync(AuthenticationTicket ticket, IServiceProvider? requestServices, CancellationToken cancellationToken) =>
        WithDatabaseAsync(requestServices, async db =>
        {
            var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            var now = time.GetUtcNow().UtcDateTime;
            // Expired sessions are never read again; clearing them at each sign-in keeps the table to the live ones.
            await db.SignInSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            db.SignInSessions.Add(new SignInSession
            {
                Id = id, UserId = UserIdOf(ticket), Ticket = Serialize(ticket, id), CreatedAt = now, ExpiresAt = ExpiresAt(ticket, now),
            });
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);
    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => UpdateAsync(key, ticket, null, cancellationToken);
    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        UpdateAsync(key, ticket, httpContext.RequestServices, cancellationToken);

    /// <summary>
    /// A sliding renewal, the minutely security-stamp refresh or a refreshed sign-in. Only a session that still exists is
    /// updated: one ended while this request ran stays ended.
    /// </summary>
    private Task<int> UpdateAsync(string key, AuthenticationTicket ticket, IServiceProvider? requestServices, CancellationToken cancellationToken) =>
        WithDatabaseAsync(requestServices, async db =>
        {
            var bytes = Serialize(ticket, key);
            var userId = UserIdOf(ticket);
            var expiresAt = ExpiresAt(ticket, time.GetUtcNow().UtcDateTime);
            return await db.SignInSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Ticket, bytes).SetProperty(x => x.UserId, userId).SetProperty(x => x.ExpiresAt, expiresAt), cancellationToken);
        }, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);
    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => ReadAsync(key, null, cancellationToken);
    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        ReadAsync(key, httpContext.RequestServices, cancellationToken);

    private Task<AuthenticationTicket?> ReadAsync(string key, IServiceProvider? requestServices, CancellationToken cancellationToken) =>
        WithDatabaseAsync(requestServices, async db =>
        {
            var bytes = await TicketById(db, key, cancellationToken);
            return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
        }, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);
    public Task RemoveAsync(string key, CancellationToken cancellationToken) => DeleteAsync(key, null, cancellationToken);
    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        DeleteAsync(key, httpContext.RequestServices, cancellationToken);

    private Task<int> DeleteAsync(string key, IServiceProvider? requestServices, CancellationToken cancellationToken) =>
        WithDatabaseAsync(requestServices, db => db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    /// <summary>Ends every session of the user but <paramref name="keptSessionId"/> (when given); the number ended.</summary>
    public Task<int> RemoveSessionsOfUserAsync(string userId, string? keptSessionId, CancellationToken cancellationToken = default) =>
        WithDatabaseAsync(null, db => db.SignInSessions.Where(s => s.UserId == userId && s.Id != keptSessionId).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);

    public Task<bool> ExistsAsync(string sessionId, CancellationToken cancellationToken = default) =>
        WithDatabaseAsync(null, db => db.SignInSessions.AnyAsync(s => s.Id == sessionId, cancellationToken), cancellationToken);

    /// <summary>
    /// For <see cref="SecurityStampValidatorOptions.OnRefreshingPrincipal"/>: the minutely check rebuilds the user's claims
    /// from the database, which would drop the claims that belong to this sign-in rather than to the user: the session id
    /// and how they signed in (without "amr=mfa" an administrator who gave a code would be sent back to set up two factors).
    /// </summary>
    public static Task KeepClaimsOfThisSignIn(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identities.FirstOrDefault() is { } identity)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is SessionIdClaimType or AuthenticationMethodClaimType).ToList())
                if (!identity.HasClaim(claim.Type, claim.Value))
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
        }
        return Task.CompletedTask;
    }

    /// <summary>The ticket with its session id among the user's claims (replacing any other), serialized.</summary>
    private static byte[] Serialize(AuthenticationTicket ticket, string sessionId)
    {
        var identity = ticket.Principal.Identities.First();
        foreach (var old in identity.FindAll(SessionIdClaimType).ToList())
            identity.TryRemoveClaim(old);
        identity.AddClaim(new Claim(SessionIdClaimType, sessionId));
        return TicketSerializer.Default.Serialize(ticket);
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in ticket without a user id.");

    private static DateTime ExpiresAt(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + DefaultLifetime;

    /// <summary>The read every request makes, compiled once.</summary>
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<byte[]?>> TicketById =
        EF.CompileAsyncQuery((PortalDbContext db, string id, CancellationToken _) =>
            db.SignInSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Ticket).FirstOrDefault());

    /// <summary>
    /// During a request the request's own services give the database options; outside one (an administrator's action in
    /// a circuit, a password change) a scope of its own. The context is made directly rather than by the portal's
    /// factory, which would set up the signed-in user for the audit log: nothing here is audited, and this runs on
    /// every request.
    /// </summary>
    private async Task<T> WithDatabaseAsync<T>(IServiceProvider? requestServices, Func<PortalDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = requestServices is null ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
        var services = requestServices ?? scope!.Value.ServiceProvider;
        await using var db = new PortalDbContext(services.GetRequiredService<DbContextOptions<PortalDbContext>>()) { Clock = time };
        return await work(db);
    }
}
