using System.Globalization;
using System.Resources;

namespace Portal.Localization;

/// <summary>
/// The portal's strings in a language chosen by the content rather than the reader, e.g. the Thai honorific
/// beside an English name on a bilingual record. Pages in the reader's language use IStringLocalizer instead.
/// </summary>
public static class BilingualText
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Get(string key, bool thai) => Get(key, thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture);
}
