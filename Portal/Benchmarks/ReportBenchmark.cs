using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Reports;
using Portal.Printing;

namespace Portal.Benchmarks;

/// <summary>
/// Server time of the engagement report over the synthetic data set (seeded first when the database holds less), as
/// an administrator: the report's queries for several periods and one organization, an organization's timeline, and the
/// report's print HTML and workbook. Median and slowest of ten runs after two warm-ups.
/// </summary>
public static class ReportBenchmark
{
    public static async Task<IReadOnlyList<(string Query, double MedianMs, double MaxMs, string Size)>> RunAsync(IServiceProvider services, int runs = 10)
    {
        var reports = services.GetRequiredService<ReportService>();
        var printHtml = services.GetRequiredService<PrintHtml>();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        // The organization that attended most meetings: the largest timeline and one-organization report.
        var busiest = await db.Attendees.Where(a => a.OrganizationId != null).GroupBy(a => a.OrganizationId!.Value)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var today = reports.Today;
        var (fiscalFrom, fiscalTo) = ReportPeriods.Of(ReportPeriod.LastFiscalYear, today);
        var everything = new ReportQuery(new DateOnly(2019, 1, 1), today.AddYears(1));
        EngagementReport? last = null;
        string Size(EngagementReport r) => $"{r.MeetingsHeld:N0} meetings, {r.Attendance.Count:N0} organizations, {r.Commitments.Made:N0} items";

        var queries = new (string Name, Func<Task<string>> Run)[]
        {
            ("report, last fiscal year", async () => Size(last = await reports.EngagementAsync(new ReportQuery(fiscalFrom, fiscalTo)))),
            ("report, 2019 to next year (everything)", async () => Size(last = await reports.EngagementAsync(everything))),
            ("report, everything, one organization", async () => Size(await reports.EngagementAsync(everything with { OrganizationId = busiest }))),
            ("organization timeline (busiest)", async () => $"{(await reports.TimelineAsync(busiest)).Count} entries"),
            ("report print HTML (everything)", async () => $"{(await printHtml.RenderAsync<ReportPrint>(new Dictionary<string, object?> { [nameof(ReportPrint.Report)] = last!, [nameof(ReportPrint.Thai)] = true })).Length / 1024:N0} KB"),
            ("report workbook .xlsx (everything)", async () => $"{ReportWorkbook.Build(last!, true).Length / 1024:N0} KB"),
        };

        var results = new List<(string, double, double, string)>();
        foreach (var (name, run) in queries)
        {
            await run();
            var size = await run();
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            results.Add((name, (times[(runs - 1) / 2] + times[runs / 2]) / 2, times[^1], size));
        }
        return results;
    }
}
