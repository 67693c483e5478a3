using System.Globalization;
using Portal.Exports;
using Portal.Localization;

namespace Portal.Features.Reports;

/// <summary>The engagement report as an Excel workbook: a sheet per table, real dates and numbers, every organization.</summary>
public static class ReportWorkbook
{
    public static byte[] Build(EngagementReport report, bool thai)
    {
        string T(string key) => BilingualText.Get(key, thai);
        var c = report.Commitments;
        return new Workbook()
            .Sheet(T("Report.Summary"), [T("Report.Item"), T("Report.Value")],
            [
                [T("Report.From"), report.Query.From],
                [T("Report.To"), report.Query.To],
                [T("Report.Organizations"), report.Organization?.In(thai) ?? T("Report.AllOrganizations")],
                [string.Format(CultureInfo.InvariantCulture, T("Report.AsOf"), "").Trim(), report.Today],
                [T("Report.MeetingsHeld"), report.MeetingsHeld],
                [T("Report.Planned"), report.MeetingsPlanned],
                [T("Report.OrganizationsEngaged"), report.OrganizationsEngaged],
                [T("Report.PeopleEngaged"), report.PeopleEngaged],
                [T("Report.Made"), c.Made],
                [T("Report.Done"), c.Done],
                [T("Report.DoneOnTime"), c.DoneOnTime],
                [T("Report.Overdue"), c.Overdue],
            ], 40, 24)
            .Sheet(T("Report.MeetingsByKind"), [T("Report.Kind"), T("Report.Held"), T("Report.Planned")],
                report.Meetings.Select(m => new object?[] { T($"MeetingKind.{m.Kind}"), m.Held, m.Planned }), 28, 12, 12)
            .Sheet(T("Report.OrganizationType"), [T("Report.OrganizationType"), T("Report.Organizations"), T("Report.People")],
                report.Engaged.Select(e => new object?[] { ReportTables.TypeLabel(e.Kind, thai), e.Organizations, e.People }), 36, 14, 12)
            .Sheet(T("Report.AttendanceSheet"), [T("Report.Organizations"), T("Report.Acronym"), T("Report.OrganizationType"), T("Report.MeetingsAttended"), T("Report.People"), T("Report.LastAttended")],
                report.Attendance.Select(a => new object?[] { a.Name.In(thai), a.Acronym, T($"OrganizationKind.{a.Kind}"), a.Meetings, a.People, a.LastAttended }), 60, 12, 30, 16, 10, 14)
            .Sheet(T("Report.Commitments"), [T("Report.Item"), T("Report.Count"), T("Report.Made")],
            [
                [T("Report.Made"), c.Made, null],
                [T("Report.Done"), c.Done, Share(c.Done, c.Made)],
                .. ReportTables.Commitments(c).Select(row => new object?[] { T(row.Key), row.Count, Share(row.Count, c.Made) }),
            ], 36, 12, 12)
            .Build();
    }

    private static Workbook.Percent? Share(int part, int whole) => whole == 0 ? null : new Workbook.Percent((double)part / whole);

    public static Printing.DownloadName FileName(EngagementReport report, bool thai, string extension)
    {
        // ISO dates, so a folder of reports sorts by period; a report on one organization says whose it is.
        var period = $"{ReportAddress.Iso(report.Query.From)} – {ReportAddress.Iso(report.Query.To)}";
        var organization = report.Organization is { } named ? " " + Minutes.PrintLanguages.FileNamePart(named.In(thai), 120) : "";
        var asciiOrganization = report.Query.OrganizationId is { } id ? $"-organization-{id}" : "";
        return new Printing.DownloadName($"{BilingualText.Get("Report.FileName", thai)}{organization} {period}{extension}",
            $"engagement-report{asciiOrganization}-{ReportAddress.Iso(report.Query.From)}-{ReportAddress.Iso(report.Query.To)}{extension}");
    }
}
