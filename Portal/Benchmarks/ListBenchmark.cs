using System.Diagnostics;
using Portal.Features.ActionItems;
using Portal.Features.Audit;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;

namespace Portal.Benchmarks;

/// <summary>
/// Server time of the lists, searches and dashboard queries the pages run, measured at the service (what a page waits
/// for), as an administrator who sees everything: median and slowest of ten runs after two warm-ups.
/// </summary>
public static class ListBenchmark
{
    public static async Task<IReadOnlyList<(string Query, double MedianMs, double MaxMs, int Total)>> RunAsync(IServiceProvider services)
    {
        var organizations = services.GetRequiredService<OrganizationService>();
        var people = services.GetRequiredService<PersonService>();
        var meetings = services.GetRequiredService<MeetingListService>();
        var items = services.GetRequiredService<ActionItemService>();
        var audit = services.GetRequiredService<AuditService>();
        ListQuery Page(string? search = null, string? sort = null) => new(search, 0, 25, sort, false);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var queries = new (string Name, Func<Task<int>> Run)[]
        {
            ("organizations, first page by Thai name", async () => (await organizations.ListAsync(Page())).TotalCount),
            ("organizations, search \"ขอนแก่น\"", async () => (await organizations.ListAsync(Page("ขอนแก่น"))).TotalCount),
            ("organizations, search \"smart civic\"", async () => (await organizations.ListAsync(Page("smart civic"))).TotalCount),
            ("people, first page", async () => (await people.ListAsync(Page())).TotalCount),
            ("people, search \"สมชาย1\"", async () => (await people.ListAsync(Page("สมชาย1"))).TotalCount),
            ("people, search \"jaidee\"", async () => (await people.ListAsync(Page("jaidee"))).TotalCount),
            ("meetings, first page (newest)", async () => (await meetings.ListAsync(Page(), new MeetingFilter())).TotalCount),
            ("meetings, search \"ขนส่ง\"", async () => (await meetings.ListAsync(Page("ขนส่ง"), new MeetingFilter())).TotalCount),
            ("meetings, year 2567", async () => (await meetings.ListAsync(Page(), new MeetingFilter(Year: 2024))).TotalCount),
            ("meetings, month calendar", async () => (await meetings.MonthAsync(2024, 7, null, new MeetingFilter())).Count),
            ("action items, first page by due date", async () => (await items.ListAsync(Page(sort: "due"), new ActionItemFilter())).TotalCount),
            ("action items, search \"ติดตามขนส่ง\"", async () => (await items.ListAsync(Page("ติดตามขนส่ง"), new ActionItemFilter())).TotalCount),
            ("action items, overdue", async () => (await items.ListAsync(Page(), new ActionItemFilter(OverdueOnly: true))).TotalCount),
            ("dashboard, open items per organization", async () => (await items.OpenPerOrganizationAsync()).Count),
            ("dashboard, upcoming meetings", async () => (await meetings.UpcomingAsync(today, 5)).Count),
            ("audit log, first page", async () => (await audit.ListAsync(new AuditQuery(null, null, null, 0, 50))).TotalCount),
        };

        var results = new List<(string, double, double, int)>();
        foreach (var (name, run) in queries)
        {
            await run();
            var total = await run();
            var times = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            results.Add((name, (times[4] + times[5]) / 2, times[^1], total));
        }
        return results;
    }
}
