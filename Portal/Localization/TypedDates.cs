using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Localization;

/// <summary>What a person typed in a date or time field: the value understood, or the key of the message saying why not.</summary>
public readonly record struct TypedValue<T>(T? Value, string? ErrorKey) where T : struct
{
    public bool Understood => ErrorKey is null;
}

/// <summary>
/// Dates and times as people type them in Thailand, in either calendar and either language, read without guessing:
/// a year of 2400 or more is Buddhist Era, a year within a century of today's Christian Era year is C.E., and any other
/// year is refused rather than read one way or the other (B.E. 2027 would be 1484 C.E.; 1484 C.E. itself is no meeting date).
/// Day before month always ("14/1/2570"), in English too: the portal serves Thai organizations, and a day over 12 in the
/// month's place is refused, never swapped. Two-digit years are refused: "67" could be 2567 or 1967.
/// </summary>
public static partial class TypedDates
{
    /// <summary>B.E. 2400 is 1857 C.E.: no year people type for a meeting of theirs is both this large and Christian Era.</summary>
    public const int FirstBuddhistYear = 2400;
    public const int BuddhistOffset = 543;
    public const int CenturyAround = 100;

    public const string Unreadable = "DateInput.Unreadable";
    public const string TwoDigitYear = "DateInput.TwoDigitYear";
    public const string YearOutOfRange = "DateInput.YearOutOfRange";
    public const string NoSuchDay = "DateInput.NoSuchDay";
    public const string UnreadableTime = "TimeInput.Unreadable";

    public static TypedValue<DateOnly> ReadDate(string? text, int currentGregorianYear)
    {
        var typed = Normalize(text);
        if (typed.Length == 0) return new(null, null);
        int day, month, year;
        bool? buddhistMarked = null;
        if (IsoDate().Match(typed) is { Success: true } iso)
            (year, month, day) = (Number(iso, "y"), Number(iso, "m"), Number(iso, "d"));
        else if (NumericDate().Match(typed) is { Success: true } numeric)
        {
            if (numeric.Groups["y"].Length is 1 or 2) return new(null, TwoDigitYear);
            (day, month, year) = (Number(numeric, "d"), Number(numeric, "m"), Number(numeric, "y"));
        }
        else if (NamedMonthDate().Match(typed) is { Success: true } named && MonthOf(named.Groups["month"].Value) is { } namedMonth)
        {
            if (named.Groups["y"].Length is 1 or 2) return new(null, TwoDigitYear);
            (day, month, year) = (Number(named, "d"), namedMonth, Number(named, "y"));
            buddhistMarked = EraMark(named.Groups["era"].Value);
        }
        else
            return new(null, Unreadable);

        if (GregorianYear(year, currentGregorianYear) is not { } gregorian)
            return new(null, YearOutOfRange);
        if (buddhistMarked is { } marked && marked != (year >= FirstBuddhistYear))
            return new(null, YearOutOfRange);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(gregorian, month))
            return new(null, NoSuchDay);
        return new(new DateOnly(gregorian, month, day), null);
    }

    /// <summary>The C.E. year a typed year stands for, or null when it is neither plainly B.E. nor plainly C.E.</summary>
    public static int? GregorianYear(int typedYear, int currentGregorianYear)
    {
        if (typedYear >= FirstBuddhistYear)
            return typedYear - BuddhistOffset is var gregorian && gregorian <= DateOnly.MaxValue.Year ? gregorian : null;
        return Math.Abs(typedYear - currentGregorianYear) <= CenturyAround ? typedYear : null;
    }

    /// <summary>"9:30", "09.30", "9.30 น.", "0930", "9" (on the hour); 24-hour clock.</summary>
    public static TypedValue<TimeSpan> ReadTime(string? text)
    {
        var typed = Normalize(text);
        if (typed.Length == 0) return new(null, null);
        if (Time().Match(typed) is not { Success: true } time)
            return new(null, UnreadableTime);
        var hours = Number(time, "h");
        var minutes = time.Groups["min"].Success ? Number(time, "min") : 0;
        return hours <= 23 && minutes <= 59 ? new(new TimeSpan(hours, minutes, 0), null) : new(null, UnreadableTime);
    }

    /// <summary>The date as the field shows it for editing: day/month/year in the reader's calendar, "14/1/2570" or "14/1/2027".</summary>
    public static string EditText(DateOnly date, bool thai) =>
        $"{date.Day}/{date.Month}/{(thai ? date.Year + BuddhistOffset : date.Year)}";

    /// <summary>"14 มกราคม 2570 (ค.ศ. 2027)" or "14 January 2027 (B.E. 2570)", from the resource format "{0} (ค.ศ. {1})".</summary>
    public static string Understood(DateOnly date, bool thai, string format) =>
        string.Format(CultureInfo.InvariantCulture, format,
            ThaiDates.LongDate(date, thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture), thai ? date.Year : date.Year + BuddhistOffset);

    /// <summary>This year in Bangkok, C.E.: the "century of today" that C.E. years are read within.</summary>
    public static int CurrentYear => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ThaiDates.Bangkok).Year;

    public static string EditText(TimeSpan time) => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>Thai digits as ASCII, spaces tidied, the Thai "o'clock" mark dropped.</summary>
    private static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var chars = text.Trim().Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c).ToArray();
        var normalized = Spaces().Replace(new string(chars), " ");
        return normalized.EndsWith("น.", StringComparison.Ordinal) ? normalized[..^2].TrimEnd() : normalized;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static bool? EraMark(string mark) => mark.Replace(".", "").Replace(" ", "").ToUpperInvariant() switch
    {
        "" => null,
        "พศ" or "BE" => true,
        _ => false,
    };

    private static int? MonthOf(string name)
    {
        var wanted = name.TrimEnd('.').Replace(".", "");
        foreach (var culture in new[] { PortalCultures.ThaiCulture, PortalCultures.EnglishCulture })
        {
            var names = culture.DateTimeFormat;
            for (var month = 1; month <= 12; month++)
            {
                if (Same(names.MonthNames[month - 1], wanted) || Same(names.AbbreviatedMonthNames[month - 1], wanted))
                    return month;
            }
        }
        return null;
    }

    private static bool Same(string monthName, string typed) =>
        monthName.Length > 0 && string.Equals(monthName.Replace(".", ""), typed, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2}) ?[/.\-] ?(?<m>[0-9]{1,2}) ?[/.\-] ?(?<y>[0-9]{1,4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2}) ?(?<month>[\p{L}\p{M}.]+),? ?(?<era>พ\. ?ศ\.|ค\. ?ศ\.|B\. ?E\.?|C\. ?E\.?|A\. ?D\.?)? ?(?<y>[0-9]{1,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedMonthDate();

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.]? ?(?<min>[0-9]{2}))?$")]
    private static partial Regex Time();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
