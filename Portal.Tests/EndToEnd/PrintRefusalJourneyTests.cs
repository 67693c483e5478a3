using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// A portal whose server has no Chromium: staff asking for the report's PDF read why, in Thai and English, in the tab it
/// opened, and keep the report they were reading in theirs (a download link would only have failed in the download bar).
/// </summary>
public sealed class PrintRefusalJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private PortalServer server = null!;
    private readonly List<string> problems = [];

    public Task InitializeAsync()
    {
        server = new PortalServer(new Dictionary<string, string> { ["Portal:Chromium"] = "/nonexistent/chromium" });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    [Fact]
    public async Task Staff_asking_for_a_PDF_the_server_cannot_print_read_why_in_a_tab_of_its_own()
    {
        var page = await browser.SignInAsync(server, Roles.Staff, problems, 375);
        await Browser.GoToAsync(page, "/reports?from=2024-01-01&to=2026-12-31");
        var tab = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("[data-testid=report-pdf]"));
        await Expect(tab.Locator("section[lang=th] h1")).ToHaveTextAsync("ขณะนี้ยังพิมพ์เอกสารไม่ได้");
        await Expect(tab.Locator("section[lang=en] h1")).ToHaveTextAsync("This document cannot be printed right now");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("print-refused-375"), FullPage = true });
        // The report is still there, in its own tab, as it was.
        await Expect(page.Locator("[data-testid=report-meetings-held]")).ToBeVisibleAsync();
        Assert.Equal(2, page.Context.Pages.Count);
        Assert.Empty(problems);
    }
}
