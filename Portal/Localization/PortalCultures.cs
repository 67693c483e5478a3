using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Localization;

public static class PortalCultures
{
    public const string Thai = "th-TH";
    public const string English = "en-US";
    public static readonly string[] Supported = [Thai, English];

    /// <summary>Thai dates use the Buddhist Era: th-TH's own calendar is ThaiBuddhistCalendar.</summary>
    public static CultureInfo ThaiCulture { get; } = CultureInfo.GetCultureInfo(Thai);
    public static CultureInfo EnglishCulture { get; } = CultureInfo.GetCultureInfo(English);

    public static bool IsThai(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "th";

    public static RequestLocalizationOptions RequestLocalizationOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Thai)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        // Thai is the default whatever the browser says; only the user's own choice (the cookie) changes it.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>The link that switches to the other language and comes back to <paramref name="currentRelativePath"/>.</summary>
    public static string SwitchLanguageUrl(string currentRelativePath)
    {
        var target = IsThai() ? English : Thai;
        return $"culture/set?culture={Uri.EscapeDataString(target)}&redirectUri={Uri.EscapeDataString("/" + currentRelativePath)}";
    }
}
