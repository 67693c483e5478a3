using Microsoft.Net.Http.Headers;
using Portal.Validation;

namespace Portal.Hosting;

/// <summary>
/// Documents and downloads (minutes, attendance sheets, CSV, calendars, attachments, a user's own data) hold names,
/// positions and contact details. Marked with <see cref="HoldsPersonalData{TBuilder}"/>, an endpoint's responses are
/// never kept by a browser or proxy cache (<c>Cache-Control: no-store</c>: a shared computer's cache outlives the
/// sign-out), and the file name a download offers carries no control character or bidi override, whatever an older
/// record holds.
/// </summary>
public static class PersonalDataResponses
{
    public static TBuilder HoldsPersonalData<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var response = context.HttpContext.Response;
            // At the last moment, so that nothing the endpoint or its result sets afterwards undoes it.
            response.OnStarting(() =>
            {
                response.Headers.CacheControl = "no-store";
                CleanFileName(response.Headers);
                return Task.CompletedTask;
            });
            return await next(context);
        });

    private static void CleanFileName(IHeaderDictionary headers)
    {
        if (!ContentDispositionHeaderValue.TryParse(headers.ContentDisposition.ToString(), out var disposition))
            return;
        var offered = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        if (string.IsNullOrEmpty(offered))
            return;
        var clean = TextCleaning.SingleLine(offered);
        if (string.Equals(clean, offered, StringComparison.Ordinal))
            return;
        disposition.SetHttpFileName(clean.Length == 0 ? "download" : clean);
        headers.ContentDisposition = disposition.ToString();
    }
}
