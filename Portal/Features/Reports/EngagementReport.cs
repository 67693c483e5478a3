using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Localization;

namespace Portal.Features.Reports;

/// <summary>Which report: Bangkok dates from and to (both included), and optionally one organization.</summary>
public sealed record ReportQuery(DateOnly From, DateOnly To, int? OrganizationId = null)
{
    public bool Reversed => From > To;
}

/// <summary>The engagement report's figures, every one counted by the database.</summary>
/// <param name="Today">The Bangkok day the report was made: meetings after it are planned, not held; items due before it are overdue.</param>
/// <param name="Organization">The organization the report is limited to, when it is.</param>
public sealed record EngagementReport(
    ReportQuery Query,
    DateOnly Today,
    Bilingual? Organization,
    IReadOnlyList<MeetingKindCount> Meetings,
    IReadOnlyList<EngagedByType> Engaged,
    int OrganizationsEngaged,
    int PeopleEngaged,
    IReadOnlyList<PartnerAttendance> Attendance,
    CommitmentCounts Commitments)
{
    public int MeetingsHeld => Meetings.Sum(m => m.Held);
    public int MeetingsPlanned => Meetings.Sum(m => m.Planned);
}

/// <summary>Meetings of one kind in the period: held (on or before today) and planned (after today).</summary>
public sealed record MeetingKindCount(MeetingKind Kind, int Held, int Planned);

/// <summary>Organizations and people that attended held meetings, by the organization's type; a null type is people who came for no organization.</summary>
public sealed record EngagedByType(OrganizationKind? Kind, int Organizations, int People);

/// <summary>One organization's attendance in the period: the held meetings it attended and how many of its people came.</summary>
public sealed record PartnerAttendance(int OrganizationId, Bilingual Name, string? Acronym, OrganizationKind Kind, int Meetings, int People, DateOnly LastAttended);

/// <summary>
/// Commitments (action items) made in the period: every item is in exactly one of done on time, done late, done (no
/// completion date recorded), overdue, open (not yet due) and cancelled, so the parts add up to <see cref="Made"/>.
/// </summary>
public sealed record CommitmentCounts(int DoneOnTime, int DoneLate, int DoneUndated, int Overdue, int Open, int Cancelled)
{
    public int Done => DoneOnTime + DoneLate + DoneUndated;
    public int Made => Done + Overdue + Open + Cancelled;

    /// <summary>Share of the done items that were done by their due date, in whole percent; null when none is done.</summary>
    public int? OnTimePercent => Done == 0 ? null : (int)Math.Round(100.0 * DoneOnTime / Done, MidpointRounding.AwayFromZero);
}

/// <summary>The quick choices of period the report page offers.</summary>
public enum ReportPeriod
{
    ThisFiscalYear,
    LastFiscalYear,
    ThisCalendarYear,
    LastCalendarYear,
    Last12Months,
}

public static class ReportPeriods
{
    /// <summary>The Thai government's fiscal year runs 1 October to 30 September and is named by the year it ends in.</summary>
    public static (DateOnly From, DateOnly To) Of(ReportPeriod period, DateOnly today)
    {
        var fiscalEnd = today.Month >= 10 ? today.Year + 1 : today.Year;
        return period switch
        {
            ReportPeriod.ThisFiscalYear => (new DateOnly(fiscalEnd - 1, 10, 1), new DateOnly(fiscalEnd, 9, 30)),
            ReportPeriod.LastFiscalYear => (new DateOnly(fiscalEnd - 2, 10, 1), new DateOnly(fiscalEnd - 1, 9, 30)),
            ReportPeriod.ThisCalendarYear => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            ReportPeriod.LastCalendarYear => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            ReportPeriod.Last12Months => (today.AddYears(-1).AddDays(1), today),
            _ => throw new ArgumentOutOfRangeException(nameof(period)),
        };
    }

    /// <summary>The fiscal year a day falls in, as Thai readers name it (ปีงบประมาณ 2570) or in C.E.</summary>
    public static int FiscalYear(DateOnly day, bool thai) => (day.Month >= 10 ? day.Year + 1 : day.Year) + (thai ? 543 : 0);
}
