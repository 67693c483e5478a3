namespace Portal.Auth;

/// <summary>
/// With <c>Portal:RequireTwoFactorForAdmins</c> on, an administrator whose session was not opened with a second factor
/// reaches nothing but what signing in and setting up an authenticator app need: the pages and endpoints listed here by
/// path, and the static files (styles, scripts, fonts). Every other request, data downloads included, is sent to the
/// set-up page. The list is explicit on purpose: "/meetings/3/minutes.pdf" looks like a file but is the minutes.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetUpPath = "/Account/Manage/TwoFactorAuthentication";

    /// <summary>Reachable without the second factor, by exact path (case-insensitive, as the portal's routes are).</summary>
    public static readonly IReadOnlySet<string> PathsWithoutSecondFactor = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // Signing in and out.
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/PasskeyRequestOptions",
        "/Account/Lockout", "/Account/AccessDenied", "/Account/InvalidUser", "/Account/Logout",
        // Setting up an authenticator app.
        SetUpPath, "/Account/Manage/EnableAuthenticator",
        // The language switch (it only sets a cookie and goes back), the load balancer's probe, the error pages.
        "/culture/set", "/health", "/health/ready", "/not-found", "/Error",
    };

    /// <summary>Endpoint metadata of the static files (<c>MapStaticAssets</c>): nothing in them but the portal's own code, styles and fonts.</summary>
    public sealed class StaticFileMarker;

    /// <summary>Marks the static-file endpoints as reachable without the second factor.</summary>
    public static TBuilder ReachableWithoutSecondFactor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new StaticFileMarker());

    public static IApplicationBuilder UseTwoFactorForAdmins(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Portal:RequireTwoFactorForAdmins")) return app;
        return app.Use((http, next) =>
        {
            var user = http.User;
            // Identity marks a session opened with an authenticator code or recovery code with amr=mfa.
            if (user.IsInRole(Roles.Admin) && !user.HasClaim("amr", "mfa") && !IsReachableWithoutSecondFactor(http))
            {
                http.Response.Redirect($"{SetUpPath}?required=true");
                return Task.CompletedTask;
            }
            return next(http);
        });
    }

    private static bool IsReachableWithoutSecondFactor(HttpContext http) =>
        PathsWithoutSecondFactor.Contains(http.Request.Path.Value ?? "")
        || http.GetEndpoint()?.Metadata.GetMetadata<StaticFileMarker>() is not null;
}
