using System.Globalization;

namespace Portal.Features.Reports;

/// <summary>The report's address: its period as ISO dates (C.E., whatever the reader's calendar) and the organization.</summary>
public static class ReportAddress
{
    public static DateOnly? ParseIso(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The PDF or workbook of the report on screen, in the reader's language.</summary>
    public static string Export(string extension, DateOnly from, DateOnly to, int? organizationId, bool thai) =>
        $"reports/engagement.{extension}?from={Iso(from)}&to={Iso(to)}{(organizationId is { } id ? $"&org={id}" : "")}&lang={(thai ? "th" : "en")}";
}
