using Portal.Localization;

namespace Portal.Features.CheckIn;

/// <summary>
/// When a meeting's check-in page accepts arrivals: from two hours before the start until the end of the meeting's day
/// (Bangkok), or until the end time if the meeting runs past midnight. Outside it the page says so and changes nothing.
/// </summary>
public sealed record CheckInWindow(DateTime OpensUtc, DateTime ClosesUtc)
{
    public static readonly TimeSpan EarlyBy = TimeSpan.FromHours(2);

    public static CheckInWindow For(DateOnly date, TimeOnly start, TimeOnly? end)
    {
        var opens = Utc(date.ToDateTime(start)) - EarlyBy;
        var closes = Utc(date.AddDays(1).ToDateTime(TimeOnly.MinValue));
        if (end is { } e && e < start) // ends after midnight
            closes = Utc(date.AddDays(1).ToDateTime(e));
        return new CheckInWindow(opens, closes);
    }

    public CheckInState StateAt(DateTime utcNow) =>
        utcNow < OpensUtc ? CheckInState.NotYetOpen : utcNow >= ClosesUtc ? CheckInState.Closed : CheckInState.Open;

    private static DateTime Utc(DateTime bangkokWallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(bangkokWallClock, DateTimeKind.Unspecified), ThaiDates.Bangkok);
}

public enum CheckInState
{
    NotYetOpen,
    Open,
    Closed,
}
