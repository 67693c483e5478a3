using Portal.Features.Letters;
using Portal.Features.Reports;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Portal.Auth;
using Portal.Components;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Localization;
using Portal.Printing;
using Portal.Features.Minutes;

namespace Portal.Hosting;

public static class PortalPipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeadersFromKnownProxies();
        if (app.Environment.IsProduction())
        {
            if (string.IsNullOrWhiteSpace(app.Configuration["Portal:PublicUrl"]))
                app.Logger.LogWarning("Portal:PublicUrl is not set: links in calendar files and e-mails point to {Default}, and without AllowedHosts only loopback host names are served.", PublicAddress.Default);
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(PortalCultures.RequestLocalizationOptions());
        app.UseAuthentication();
        app.UseTwoFactorForAdmins();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.RefuseFailedAntiforgery();

        app.MapStaticAssets().ReachableWithoutSecondFactor();
        app.MapHealthEndpoints();
        app.MapCultureEndpoint();
        app.MapMeetingEndpoints();
        app.MapActionItemEndpoints();
        app.MapPrintEndpoints();
        app.MapLetterEndpoints();
        app.MapReportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }

    /// <summary>
    /// <c>/health</c> answers 200 while the portal can serve pages (Healthy, or Degraded when it cannot print) and 503 when
    /// the database is down; <c>/health/ready</c> answers 200 only when everything works, so a load balancer sends users
    /// to an instance whose printer is restarting only when there is no other. Both say each check's state and reason; the
    /// mail server, shared by every instance, is reported by <c>/health</c> only.
    /// </summary>
    private static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(Mail.MailHealthCheck.SharedTag),
            ResponseWriter = WriteHealthAsync,
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
    }

    /// <summary>The overall state on the first line (what scripts read), then one line per check with its reason.</summary>
    private static Task WriteHealthAsync(HttpContext http, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var lines = report.Entries.Select(e =>
            $"{e.Key}: {e.Value.Status}{(e.Value.Description ?? e.Value.Exception?.GetType().Name) switch { null => "", var why => " - " + why }}");
        return http.Response.WriteAsync(string.Join('\n', [report.Status.ToString(), .. lines]) + "\n");
    }

    /// <summary>
    /// A form sent without a valid antiforgery token is refused with 400, the same for every endpoint: minimal-API
    /// endpoints would otherwise throw (500) on reading the form.
    /// </summary>
    private static void RefuseFailedAntiforgery(this WebApplication app) =>
        app.Use((http, next) =>
        {
            if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                // No "not found" page re-executed for it: that second pass would read the refused form again and fail.
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
                    statusCodePages.Enabled = false;
                return Task.CompletedTask;
            }
            return next(http);
        });

    /// <summary>
    /// Behind a reverse proxy the client's address and scheme arrive in X-Forwarded-* headers; they are believed only from
    /// the proxies listed in <c>Portal:KnownProxies</c> (comma-separated addresses), or the sign-in rate limit could be dodged.
    /// </summary>
    private static void UseForwardedHeadersFromKnownProxies(this WebApplication app)
    {
        var proxies = (app.Configuration["Portal:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (proxies.Length == 0) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in proxies) options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
    }

    /// <summary>Migrates the database, ensures the roles and, when asked for and not in Production, loads the demo data.</summary>
    public static async Task PrepareDataAsync(this WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await RoleSetup.EnsureRolesAsync(app.Services);
        if (app.Configuration.GetValue<bool>("Portal:DemoData"))
        {
            if (app.Environment.IsProduction())
                app.Logger.LogWarning("Portal:DemoData is ignored in the Production environment.");
            else
                await DemoDataSeeder.SeedAsync(app.Services);
        }
    }

    /// <summary>The language switch: stores the choice in the culture cookie for a year and goes back where the user was.</summary>
    private static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (PortalCultures.Supported.Contains(culture))
            {
                http.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                    PortalCultures.CookieValue(culture),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            }
            // Only local paths: the switch must not become an open redirect.
            return Results.LocalRedirect(RedirectTarget.LocalPathOrHome(redirectUri));
        }).AllowAnonymous();
}
