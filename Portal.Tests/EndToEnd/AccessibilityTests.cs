using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.CheckIn;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Xunit.Abstractions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) on every page each role reaches, in Thai and English, at desktop and phone
/// width: no serious or critical finding anywhere. axe-core comes from the npm registry at the version pinned in
/// <c>.tools/axe/package-lock.json</c> (<c>./test.sh</c> installs it). The totals per page are printed to the test
/// output and written to <c>TestResults/accessibility/axe-&lt;role&gt;.md</c>.
/// </summary>
[Collection(nameof(ServerCollection))]
public class AccessibilityTests(PortalServer server, Browser browser, ITestOutputHelper output) : IClassFixture<Browser>, IAsyncLifetime
{
    private static readonly string AxeScript = Path.Combine(RepositoryRoot.Path, ".tools", "axe", "node_modules", "axe-core", "axe.min.js");
    private static readonly int[] Widths = [1280, 375];
    private static readonly string[] Cultures = ["th-TH", "en-US"];
    private readonly Dictionary<string, string> ids = [];

    public async Task InitializeAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        ids["workshop"] = (await db.Meetings.SingleAsync(m => m.RoomEn == "Aiyara Room")).Id.ToString();
        ids["report"] = (await db.ActionItems.SingleAsync(i => i.TitleEn == DemoActionItems.WorldBankReportTitleEn)).Id.ToString();
        ids["kktt"] = (await db.Organizations.SingleAsync(o => o.Acronym == "KKTT")).Id.ToString();
        ids["world-bank"] = (await db.Organizations.SingleAsync(o => o.Acronym == "WB")).Id.ToString();
        ids["person"] = (await db.People.OrderBy(p => p.Id).FirstAsync()).Id.ToString();
        var followUp = await db.Meetings.SingleAsync(m => m.TitleEn == DemoMeetings.FollowUpTitleEn);
        ids["follow-up"] = followUp.Id.ToString();
        ids["series"] = followUp.SeriesId!.Value.ToString();
        var invitation = await db.Invitations.OrderBy(i => i.Id).FirstAsync(i => i.MeetingId == followUp.Id && i.Status == InvitationStatus.Invited);
        ids["rsvp"] = server.Services.GetRequiredService<InvitationLinks>().Token(invitation, followUp.Date);
        ids["check-in"] = await CheckInTodayAsync(db);
    }

    /// <summary>The check-in page of a meeting under way today (the demo's next meeting is two weeks ahead), with one expected name.</summary>
    private static async Task<string> CheckInTodayAsync(PortalDbContext db)
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Portal.Localization.ThaiDates.Bangkok);
        var rawee = await db.People.SingleAsync(p => p.GivenNameEn == "Rawee");
        var meeting = db.Meetings.Add(new Meeting
        {
            TitleTh = "ประชุมทดสอบการเข้าถึงหน้าลงทะเบียน", TitleEn = "Check-in accessibility test", Date = DateOnly.FromDateTime(now),
            StartTime = now.Hour >= 1 ? TimeOnly.FromDateTime(now.AddMinutes(-30)) : TimeOnly.MinValue, Kind = MeetingKind.Workshop,
            Attendees = [new Attendee { PersonId = rawee.Id, OrganizationId = rawee.OrganizationId, Status = AttendanceStatus.Absent }],
        }).Entity;
        await db.SaveChangesAsync();
        var key = CheckInService.NewKey();
        db.MeetingCheckIns.Add(new MeetingCheckIn { MeetingId = meeting.Id, Key = key, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return key;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A page as a role reaches it; <see cref="Then"/> is what a user does there first (e.g. the calendar view).</summary>
    private sealed record Visit(string Path, string? Name = null, Func<IPage, Task>? Then = null)
    {
        public string Label => Name ?? Path;
    }

    private static readonly Visit[] AccountPages =
    [
        new("/Account/Manage"), new("/Account/Manage/ChangePassword"), new("/Account/Manage/TwoFactorAuthentication"),
        new("/Account/Manage/EnableAuthenticator"), new("/Account/Manage/ResetAuthenticator"), new("/Account/Manage/Passkeys"),
        new("/Account/Manage/PersonalData"),
    ];

    private static async Task ShowCalendarAsync(IPage page)
    {
        await page.Locator("[data-testid=view-toggle] .mud-toggle-item").Nth(1).ClickAsync();
        // Attached, not visible: on a phone a month without meetings shows no day at all.
        await page.Locator("[data-testid=month-grid]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10000 });
    }

    private static async Task PreviewDistributionAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=distribute-minutes]");
        await page.Locator("[data-testid=distribution-recipient]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10000 });
    }

    /// <summary>Item 2 of the follow-up records corrections to the workshop's minutes; the question before opening their
    /// next version is left open (never answered, so nothing changes).</summary>
    private static async Task AskToOpenCorrectionAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=confirmation-edit]");
        await page.ClickAsync("[data-testid=with-corrections]");
        await Browser.Field(page, "corrections-th").FillAsync("แก้ไขตำแหน่งของผู้แทนธนาคารโลก");
        await page.ClickAsync("[data-testid=confirmation-save]");
        await page.Locator(".mud-dialog").WaitForAsync(new LocatorWaitForOptions { Timeout = 10000 });
    }

    private static async Task FindNameAsync(IPage page)
    {
        await page.FillAsync("[data-testid=checkin-q]", "รวี");
        await page.ClickAsync("[data-testid=checkin-find]");
        await page.Locator("[data-testid=checkin-pick]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10000 });
    }

    private Visit[] PagesOf(string role) => role switch
    {
        "signed-out" =>
        [
            new("/Account/Login"), new("/Account/Lockout"), new("/Account/InvalidUser"), new("/not-found"),
            new($"/rsvp/{ids["rsvp"]}", "/rsvp/{token}"), new($"/check-in/{ids["check-in"]}", "/check-in/{key}"),
            new($"/check-in/{ids["check-in"]}", "/check-in/{key} (names found)", FindNameAsync),
        ],
        Roles.Staff =>
        [
            new("/"), new("/meetings"), new("/meetings", "/meetings (calendar)", ShowCalendarAsync), new("/meetings/new"),
            new($"/meetings/{ids["workshop"]}"), new($"/meetings/{ids["workshop"]}/minutes/versions/1"),
            new("/action-items"), new("/action-items/new"), new($"/action-items/{ids["report"]}"), new($"/action-items/{ids["report"]}/edit"),
            new("/organizations"), new("/organizations/new"), new($"/organizations/{ids["kktt"]}"), new($"/organizations/{ids["kktt"]}/edit"),
            new("/people"), new("/people/new"), new($"/people/{ids["person"]}"), new($"/people/{ids["person"]}/edit"),
            new($"/meetings/{ids["workshop"]}/letters"),
            new($"/meetings/{ids["follow-up"]}", "/meetings/{follow-up} (invitations)"), new($"/meetings/{ids["follow-up"]}/letters"),
            new($"/meetings/{ids["follow-up"]}/door"), new("/series"), new("/series/new"), new($"/series/{ids["series"]}"),
            new($"/series/{ids["series"]}/edit"), new($"/meetings/{ids["follow-up"]}/import"), new("/people/import"), new("/organizations/import"),
            new("/reports"), new("/reports?from=2024-01-01&to=2026-12-31", "/reports (2567–2569)"),
            new("/notifications"), new("/notifications/settings"),
            new($"/meetings/{ids["follow-up"]}", "/meetings/{follow-up} (opening a correction of the previous minutes)", AskToOpenCorrectionAsync),
            .. AccountPages,
        ],
        Roles.Coordinator =>
        [
            new("/"), new("/meetings"), new("/meetings", "/meetings (calendar)", ShowCalendarAsync), new($"/meetings/{ids["workshop"]}"),
            new("/action-items"), new($"/action-items/{ids["report"]}"), new("/organizations"), new("/people"), new("/Account/Manage"),
            new($"/meetings/{ids["follow-up"]}", "/meetings/{follow-up} (invitations)"), new($"/series/{ids["series"]}"),
            new("/reports?from=2024-01-01&to=2026-12-31", "/reports (2567–2569)"), new($"/organizations/{ids["world-bank"]}"),
            new($"/meetings/{ids["workshop"]}", "/meetings/{workshop} (sending the minutes)", PreviewDistributionAsync),
            new("/notifications"), new("/notifications/settings"),
        ],
        Roles.Partner =>
        [
            new("/"), new("/meetings"), new("/meetings", "/meetings (calendar)", ShowCalendarAsync), new($"/meetings/{ids["workshop"]}"),
            new($"/meetings/{ids["workshop"]}/minutes/versions/1"), new("/action-items"), new($"/action-items/{ids["report"]}"),
            new("/Account/Manage"), new("/Account/AccessDenied"), new("/notifications"), new("/notifications/settings"),
            new($"/meetings/{ids["follow-up"]}", "/meetings/{follow-up} (invited)"),
        ],
        Roles.Admin => [new("/"), new("/admin/users"), new("/admin/audit"), new("/admin/letterhead"), new($"/meetings/{ids["workshop"]}"), new("/Account/Manage"),
            new("/notifications"), new("/notifications/settings")],
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    [Theory]
    [InlineData("signed-out")]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Admin)]
    public async Task Every_page_has_no_serious_or_critical_axe_finding_in_either_language_at_either_width(string role)
    {
        Assert.True(File.Exists(AxeScript), $"axe-core is not installed at {AxeScript}: run ./test.sh, or npm ci --prefix .tools/axe");
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress, ViewportSize = new ViewportSize { Width = Widths[0], Height = 900 },
            // The portal's policy admits scripts from itself only; axe is injected from the test's disk.
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        if (role != "signed-out")
            await Browser.SignInOnAsync(page, server, PortalHost.DemoAccount(role));

        var rows = new List<(string Page, string Culture, int Width, int Serious, int Critical)>();
        var failures = new StringBuilder();
        foreach (var culture in Cultures)
        {
            await page.GotoAsync($"/culture/set?culture={culture}&redirectUri=%2FAccount%2FLogin");
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, width > 600 ? 900 : 800);
                foreach (var visit in PagesOf(role))
                {
                    List<Finding> findings;
                    try
                    {
                        findings = await CheckAsync(page, visit);
                        // The My account pages were English only: their Thai and English at phone width are kept to look at.
                        if (visit.Path.StartsWith("/Account") && width < 600)
                            await page.ScreenshotAsync(new PageScreenshotOptions
                            {
                                Path = Browser.ScreenshotPath($"account-{culture}-{width}-{visit.Path.Replace('/', '-').Trim('-')}"), FullPage = true,
                            });
                    }
                    catch (Exception e) when (e is PlaywrightException or TimeoutException)
                    {
                        failures.AppendLine($"{visit.Label} [{culture}, {width} px]: not checked: {e.Message.Split('\n')[0]}");
                        continue;
                    }
                    rows.Add((visit.Label, culture, width, Nodes(findings, "serious"), Nodes(findings, "critical")));
                    foreach (var finding in findings)
                        failures.AppendLine($"{visit.Label} [{culture}, {width} px]: {finding.Rule} ({finding.Impact}, {finding.Targets.Length}) {finding.Help}: {string.Join(" | ", finding.Targets.Take(8))}{(finding.Targets.Length > 8 ? " | …" : "")} — first: {finding.FirstHtml}");
                }
            }
        }
        await context.CloseAsync();

        var table = Table(role, rows);
        output.WriteLine(table);
        var dir = Path.Combine(RepositoryRoot.Path, "TestResults", "accessibility");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, $"axe-{role}.md"), table + "\n" + failures);
        Assert.True(failures.Length == 0, $"axe-core found serious or critical problems (rule, impact, nodes, help: targets):\n{failures}\n{table}");
        Assert.Empty(problems);
    }

    private sealed record Finding(string Rule, string Impact, string Help, string[] Targets, string FirstHtml);

    private static async Task<List<Finding>> CheckAsync(IPage page, Visit visit)
    {
        await page.GotoAsync(visit.Path);
        // The Identity pages are rendered on the server without a circuit; every other page must be live with its rows loaded.
        if (!visit.Path.StartsWith("/Account") && visit.Path != "/not-found" && !visit.Path.StartsWith("/rsvp/") && !visit.Path.StartsWith("/check-in/"))
            await Browser.WaitForInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (visit.Then is not null)
            await visit.Then(page);
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading, .mud-progress-linear, .mud-skeleton')",
            null, new PageWaitForFunctionOptions { Timeout = 15000 });
        await page.WaitForTimeoutAsync(250); // MudBlazor's transitions end
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')), html: v.nodes[0].html.slice(0, 160) }));
            }
            """);
        return json.EnumerateArray().Select(v => new Finding(v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!, v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToArray(),
            v.GetProperty("html").GetString()!)).ToList();
    }

    /// <summary>The table counts elements, as axe's own report does: one rule broken by 39 cells is 39.</summary>
    private static int Nodes(List<Finding> findings, string impact) => findings.Where(f => f.Impact == impact).Sum(f => f.Targets.Length);

    private static string Table(string role, List<(string Page, string Culture, int Width, int Serious, int Critical)> rows)
    {
        var text = new StringBuilder($"axe-core {AxeVersion()} · {role} · serious/critical nodes per page\n\n");
        text.AppendLine("| page | th 1280 | th 375 | en 1280 | en 375 |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var group in rows.GroupBy(r => r.Page))
        {
            string Cell(string culture, int width) => group.Where(r => r.Culture == culture && r.Width == width)
                .Select(r => $"{r.Serious}/{r.Critical}").FirstOrDefault() ?? "–";
            text.AppendLine($"| {group.Key} | {Cell("th-TH", 1280)} | {Cell("th-TH", 375)} | {Cell("en-US", 1280)} | {Cell("en-US", 375)} |");
        }
        return text.ToString();
    }

    private static string AxeVersion()
    {
        var package = Path.Combine(Path.GetDirectoryName(AxeScript)!, "package.json");
        return File.Exists(package) ? JsonDocument.Parse(File.ReadAllText(package)).RootElement.GetProperty("version").GetString()! : "?";
    }
}
