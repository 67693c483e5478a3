namespace Portal.Auth;

/// <summary>
/// With <c>Portal:RequireTwoFactorForAdmins</c> on, an administrator whose session was not opened with a second factor
/// reaches nothing but the account pages, where the two-factor set-up explains what to do.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetUpPath = "/Account/Manage/TwoFactorAuthentication";

    public static IApplicationBuilder UseTwoFactorForAdmins(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Portal:RequireTwoFactorForAdmins")) return app;
        return app.Use((http, next) =>
        {
            var user = http.User;
            var exempt = http.Request.Path.StartsWithSegments("/Account") || http.Request.Path.StartsWithSegments("/_framework")
                || http.Request.Path.StartsWithSegments("/_content") || http.Request.Path.StartsWithSegments("/health")
                || http.Request.Path.StartsWithSegments("/culture") || Path.HasExtension(http.Request.Path.Value);
            // Identity marks a session opened with an authenticator code or recovery code with amr=mfa.
            if (!exempt && user.IsInRole(Roles.Admin) && !user.HasClaim("amr", "mfa"))
            {
                http.Response.Redirect($"{SetUpPath}?required=true");
                return Task.CompletedTask;
            }
            return next(http);
        });
    }
}
