using System.Security.Cryptography;

namespace Portal.Hosting;

/// <summary>
/// Headers on every response that tell the browser what the portal's pages may do: scripts only from the portal (and
/// the one inline import map, by a per-request nonce), nothing from other sites, no framing by other sites, no sniffing.
/// A response that sets its own policy (the print preview's stricter one) keeps it.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";
    private const string BlazorFramePolicy = "frame-ancestors 'self'";

    /// <summary>The nonce the current response's policy allows inline scripts by.</summary>
    public static string Nonce(HttpContext http) => http.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML encoding to change
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // Blazor sets "frame-ancestors 'self'" on its pages; the whole policy below says that and more.
            if (headers.ContentSecurityPolicy is var existing && (existing.Count == 0 || existing == BlazorFramePolicy))
            {
                // MudBlazor positions popovers with style attributes, hence 'unsafe-inline' for styles (never for scripts).
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                    "font-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";
            }
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("X-Frame-Options")) headers.XFrameOptions = "SAMEORIGIN";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
