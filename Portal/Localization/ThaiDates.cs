using System.Globalization;

namespace Portal.Localization;

/// <summary>Dates as Thai and English readers expect them: "31 กรกฎาคม 2567" (Buddhist Era) or "31 July 2024".</summary>
public static class ThaiDates
{
    public static string LongDate(DateOnly date, CultureInfo? culture = null) =>
        date.ToString("d MMMM yyyy", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A UTC instant shown in Bangkok time, e.g. "31 ก.ค. 2567 14:05".</summary>
    public static string DateTime(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return ToBangkok(utc).ToString("d MMM yyyy HH:mm", culture);
    }

    /// <summary>The wall-clock time in Bangkok of a UTC instant.</summary>
    public static DateTime ToBangkok(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Bangkok);

    public static TimeZoneInfo Bangkok { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    /// <summary>The Buddhist-Era year of a Gregorian year: 2024 → 2567.</summary>
    public static int BuddhistYear(int gregorianYear) => gregorianYear + 543;
}
