using System.Globalization;
using System.Net;
using Portal.Localization;

namespace Portal.Printing;

/// <summary>
/// The answer when a document cannot be printed: never a bare error, but a short page in Thai and English saying why
/// and what to do, with <c>Retry-After</c> when trying again will help.
/// </summary>
public static class PrintRefusal
{
    /// <summary>The printer is restarting or stayed busy: 503, try again in a few seconds.</summary>
    public static IResult Unavailable() =>
        Page(StatusCodes.Status503ServiceUnavailable, "PrintRefused.Unavailable.Title", thai => BilingualText.Get("PrintRefused.Unavailable.Body", thai), retryAfterSeconds: 5);

    /// <summary>Chromium is not installed on this server: 503 with the command that installs it.</summary>
    public static IResult Missing() =>
        Page(StatusCodes.Status503ServiceUnavailable, "PrintRefused.Unavailable.Title", thai => BilingualText.Get("PrintRefused.Missing.Body", thai), retryAfterSeconds: 3600);

    /// <summary>The user has as many documents printing as one user may: 429.</summary>
    public static IResult TooMany() =>
        Page(StatusCodes.Status429TooManyRequests, "PrintRefused.Busy.Title", thai => BilingualText.Get("PrintRefused.Busy.Body", thai), retryAfterSeconds: 5);

    /// <summary>The document is larger than any real meeting's: 413, and trying again will not help.</summary>
    public static IResult TooLarge(int characters, int limit) =>
        Page(StatusCodes.Status413PayloadTooLarge, "PrintRefused.TooLarge.Title",
            thai => string.Format(thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture, BilingualText.Get("PrintRefused.TooLarge.Body", thai), characters, limit),
            retryAfterSeconds: null);

    private static RefusalResult Page(int status, string titleKey, Func<bool, string> body, int? retryAfterSeconds)
    {
        string Section(bool thai) =>
            $"""<section lang="{(thai ? "th" : "en")}"><h1>{WebUtility.HtmlEncode(BilingualText.Get(titleKey, thai))}</h1><p>{WebUtility.HtmlEncode(body(thai))}</p></section>""";
        var html = $"""
            <!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(BilingualText.Get(titleKey, true))} / {WebUtility.HtmlEncode(BilingualText.Get(titleKey, false))}</title>
            <link rel="stylesheet" href="/fonts.css">
            <style>body{"{"}font-family:Sarabun,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a{"}"}h1{"{"}font-size:1.3rem;font-weight:600{"}"}section+section{"{"}border-top:1px solid #ccc;margin-top:1.5rem{"}"}</style>
            </head><body><main>{Section(true)}{Section(false)}<p><a href="/">{WebUtility.HtmlEncode(BilingualText.Get("PrintRefused.Back", true))} / {WebUtility.HtmlEncode(BilingualText.Get("PrintRefused.Back", false))}</a></p></main></body></html>
            """;
        return new RefusalResult(status, html, retryAfterSeconds);
    }

    private sealed class RefusalResult(int status, string html, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(html);
        }
    }
}
