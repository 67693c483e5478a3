using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Reports;
using Portal.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>Staff open the engagement report from the menu, change its period typing a Western and a Buddhist year, and download it.</summary>
[Collection(nameof(ServerCollection))]
public class ReportJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task Staff_change_the_period_see_the_figures_change_and_download_the_PDF_and_the_workbook()
    {
        var page = await browser.SignInAsync(server, Roles.Staff, problems);
        await Browser.GoToAsync(page, "/culture/set?culture=th-TH&redirectUri=%2F");
        await page.Locator("a.mud-nav-link[href='reports']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("รายงานการมีส่วนร่วมของภาคีเครือข่าย");
        // This fiscal year by default: its button is the chosen one.
        await Expect(page.Locator("[data-testid=report-period-ThisFiscalYear]")).ToHaveClassAsync(new Regex("mud-button-filled"));
        var (fiscalFrom, fiscalTo) = ReportPeriods.Of(ReportPeriod.ThisFiscalYear, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Portal.Localization.ThaiDates.Bangkok)));
        var before = await ReportExportTests.ReportAsync(server, new ReportQuery(fiscalFrom, fiscalTo));
        await Expect(page.Locator("[data-testid=report-meetings-held]")).ToHaveTextAsync(before.MeetingsHeld.ToString());

        // A Western year in the start, a Buddhist one in the end: 2567–2569.
        var from = Browser.Field(page, "report-from");
        await from.FillAsync("1/1/2024");
        await from.PressAsync("Tab");
        await page.WaitForURLAsync(new Regex("from=2024-01-01"));
        var to = Browser.Field(page, "report-to");
        await to.FillAsync("31/12/2569");
        await to.PressAsync("Tab");
        await page.WaitForURLAsync(new Regex("to=2026-12-31"));
        // Tab took the focus on to the organization picker; focus alone opens no list over the export buttons.
        await Expect(Browser.Field(page, "report-organization")).ToBeFocusedAsync();
        var after = await ReportExportTests.ReportAsync(server, new ReportQuery(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.NotEqual((before.MeetingsHeld, before.Commitments.Made), (after.MeetingsHeld, after.Commitments.Made));
        await Expect(page.Locator("[data-testid=report-period]")).ToContainTextAsync("ตั้งแต่ 1 มกราคม 2567 ถึง 31 ธันวาคม 2569");
        await Expect(page.Locator("[data-testid=report-meetings-held]")).ToHaveTextAsync(after.MeetingsHeld.ToString());
        await Expect(page.Locator("[data-testid=report-commitments-made]")).ToHaveTextAsync(after.Commitments.Made.ToString());
        await Expect(page.Locator("[data-testid=commitments-DoneOnTime]")).ToHaveTextAsync(after.Commitments.DoneOnTime.ToString());
        await Expect(page.Locator("[data-testid=table-attendance]")).ToContainTextAsync("ธนาคารโลก");
        // Each chart is an image named by its figures.
        await Expect(page.Locator("[data-testid=chart-commitments] svg[role=img] title")).ToContainTextAsync("เลยกำหนด");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("report-th-1280"), FullPage = true });

        var pdf = await Browser.DownloadPrintedAsync(page, "[data-testid=report-pdf]");
        Assert.Equal("รายงานการมีส่วนร่วม 2024-01-01 – 2026-12-31.pdf", pdf.SuggestedFilename);
        var pdfText = await Poppler.RunAsync("pdftotext", await File.ReadAllBytesAsync((await pdf.PathAsync())!));
        Assert.Contains("รายงานการมีส่วนร่วมของภาคีเครือข่าย", pdfText);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-xlsx]"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        using (var workbook = SpreadsheetDocument.Open((await xlsx.PathAsync())!, false))
            Assert.Equal(5, workbook.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);

        // One organization narrows it: the World Bank's own figures.
        await Browser.PickOrganizationAsync(page, "report-organization", "ธนาคารโลก", "ธนาคารโลกประจำประเทศไทย");
        await page.WaitForURLAsync(new Regex("org=\\d+"));
        var organizationId = int.Parse(Regex.Match(page.Url, "org=(\\d+)").Groups[1].Value);
        var worldBank = await ReportExportTests.ReportAsync(server, new ReportQuery(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), organizationId));
        Assert.Equal("ธนาคารโลกประจำประเทศไทย", worldBank.Organization!.Th);
        Assert.NotEqual(after.PeopleEngaged, worldBank.PeopleEngaged);
        await Expect(page.Locator("[data-testid=report-people-engaged]")).ToHaveTextAsync(worldBank.PeopleEngaged.ToString());
        await Expect(page.Locator("[data-testid=report-commitments-made]")).ToHaveTextAsync(worldBank.Commitments.Made.ToString());

        // On a phone nothing is wider than the screen.
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/reports?from=2024-01-01&to=2026-12-31");
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=report-meetings-held]")).ToHaveTextAsync(after.MeetingsHeld.ToString());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the report scrolls sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("report-th-375"), FullPage = true });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_organizations_page_shows_its_engagement_timeline_newest_first()
    {
        int worldBank;
        await using (var scope = server.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            worldBank = (await db.Organizations.SingleAsync(o => o.Acronym == "WB")).Id;
        var page = await browser.SignInAsync(server, Roles.Coordinator, problems, 375);
        await Browser.GoToAsync(page, $"/culture/set?culture=en-US&redirectUri=%2Forganizations%2F{worldBank}");
        var timeline = page.Locator("[data-testid=engagement-timeline]");
        await Expect(timeline).ToContainTextAsync(Portal.DemoData.DemoMeetings.WorkshopTitleEn);
        await Expect(timeline).ToContainTextAsync("Thailand Economic Monitor");
        var dates = await timeline.Locator("time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.Equal(dates.OrderDescending(), dates);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("organization-timeline-en-375"), FullPage = true });
        Assert.Empty(problems);
    }
}
