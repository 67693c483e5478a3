using Portal.Localization;

namespace Portal.Features.Reports;

/// <summary>The report's tables with their labels in one language: the page, the PDF and the workbook say the same.</summary>
public static class ReportTables
{
    public sealed record CommitmentRow(string Key, int Count, string Color);

    /// <summary>The classes an item falls in, in the order a reader follows (what is done, then what is not), with their chart colours.</summary>
    public static IReadOnlyList<CommitmentRow> Commitments(CommitmentCounts c) =>
    [
        new("Report.DoneOnTime", c.DoneOnTime, "#2e7d32"),
        new("Report.DoneLate", c.DoneLate, "#e65100"),
        new("Report.DoneUndated", c.DoneUndated, "#546e7a"),
        new("Report.Overdue", c.Overdue, "#c62828"),
        new("Report.Open", c.Open, "#1565c0"),
        new("Report.Cancelled", c.Cancelled, "#616161"),
    ];

    public static string TypeLabel(Organizations.OrganizationKind? kind, bool thai) =>
        kind is { } k ? BilingualText.Get($"OrganizationKind.{k}", thai) : BilingualText.Get("Report.NoOrganization", thai);

    public static string Period(ReportQuery query, bool thai) =>
        string.Format(PrintCulture(thai), BilingualText.Get("Report.PeriodLine", thai), ThaiDates.LongDate(query.From, PrintCulture(thai)), ThaiDates.LongDate(query.To, PrintCulture(thai)));

    public static System.Globalization.CultureInfo PrintCulture(bool thai) => thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;

    public static string OrganizationLabel(PartnerAttendance row, bool thai) =>
        row.Acronym is { Length: > 0 } acronym ? $"{row.Name.In(thai)} ({acronym})" : row.Name.In(thai);

    /// <summary>A chart of the organizations that attended most; the table and the workbook list every one.</summary>
    public const int ChartedOrganizations = 10;
}
