using System.Globalization;
using Portal.Localization;

using Portal.Features.Meetings;

namespace Portal.Features.Minutes;

/// <summary>How the printed minutes write times and dates in each language, the way Thai official documents do.</summary>
public static class PrintText
{
    public static string Get(string key, bool thai) => BilingualText.Get(key, thai);

    /// <summary>"วันพุธที่ 31 กรกฎาคม 2567" or "Wednesday, 31 July 2024".</summary>
    public static string Date(DateOnly date, bool thai)
    {
        if (!thai) return date.ToString("dddd, d MMMM yyyy", PortalCultures.EnglishCulture);
        var weekday = date.ToString("dddd", PortalCultures.ThaiCulture);
        return $"{(weekday.StartsWith("วัน", StringComparison.Ordinal) ? weekday : "วัน" + weekday)}ที่ {date.ToString("d MMMM yyyy", PortalCultures.ThaiCulture)}";
    }

    /// <summary>"13.30 น." in Thai, as official documents write it; "13:30" in English.</summary>
    public static string Time(TimeOnly time, bool thai) => thai
        ? time.ToString("HH.mm", CultureInfo.InvariantCulture) + " น."
        : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static CultureInfo Culture(bool thai) => thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
}
