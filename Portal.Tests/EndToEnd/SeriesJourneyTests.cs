using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

[Collection(nameof(ServerCollection))]
public class SeriesJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task Staff_create_a_series_and_its_meetings_from_the_standard_agenda_numbered_within_the_year()
    {
        var page = await browser.SignInAsync(server, Roles.Staff, consoleErrors);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var nameTh = $"คณะทำงานขนส่งมวลชน {suffix}";

        // The series, from the meetings list.
        await Browser.GoToAsync(page, "/meetings");
        await page.ClickAsync("[data-testid=series-link]");
        await page.ClickAsync("[data-testid=new-series]");
        await Expect(Browser.Field(page, "series-name-th")).ToBeFocusedAsync();
        await Browser.Field(page, "series-name-th").FillAsync(nameTh);
        await Browser.Field(page, "series-name-en").FillAsync($"Mass transit working group {suffix}");
        await Browser.PickOrganizationAsync(page, "series-host", "KKTT", "บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=series-name]")).ToHaveTextAsync(nameTh);
        var seriesUrl = page.Url;

        // Its first meeting: the number follows from the date, the standard agenda is the page's choice for a series.
        await CreateMeetingAsync(page, "ประชุมคณะทำงาน ครั้งแรก", "20/1/2569", expectedNumber: "1");
        await Expect(page.Locator("[data-testid=meeting-heading-number]")).ToContainTextAsync("ครั้งที่ 1/2569");
        await Expect(page.Locator("[data-testid=meeting-series]")).ToHaveTextAsync(nameTh);
        await Expect(page.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=agenda-item]").Nth(1)).ToContainTextAsync("เรื่องรับรองรายงานการประชุมครั้งที่แล้ว");

        // The second: ครั้งที่ 2/2569, following the first, whose minutes its item 2 confirms.
        await page.GotoAsync(seriesUrl);
        await Browser.WaitForInteractiveAsync(page);
        await CreateMeetingAsync(page, "ประชุมคณะทำงาน ครั้งที่สอง", "10/3/2569", expectedNumber: "2", screenshot: "series-new-meeting-th");
        await Expect(page.Locator("[data-testid=meeting-heading-number]")).ToContainTextAsync("ครั้งที่ 2/2569");
        await Expect(page.Locator("[data-testid=meeting-number]")).ToHaveTextAsync("ครั้งที่ 2/2569");
        var agenda = page.Locator("[data-testid=agenda-item]");
        await Expect(agenda).ToHaveCountAsync(5);
        await Expect(agenda.Nth(0)).ToContainTextAsync("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ");
        await Expect(agenda.Nth(1)).ToContainTextAsync("เรื่องรับรองรายงานการประชุมครั้งที่ 1/2569");
        await Expect(agenda.Nth(4)).ToContainTextAsync("เรื่องอื่น ๆ (ถ้ามี)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("series-meeting-th"), FullPage = true });

        // The series lists them in order, and the meetings list shows the number and the series under the title.
        await page.GotoAsync(seriesUrl);
        await Browser.WaitForInteractiveAsync(page);
        var rows = page.Locator("[data-testid=series-meetings] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("ครั้งที่ 1/2569");
        await Expect(rows.Nth(1)).ToContainTextAsync("ครั้งที่ 2/2569");
        await Browser.GoToAsync(page, "/meetings?q=" + Uri.EscapeDataString("ประชุมคณะทำงาน ครั้งที่สอง"));
        await Expect(page.Locator("[data-testid=meeting-row-number]").First).ToHaveTextAsync($"ครั้งที่ 2/2569 · {nameTh}");
        // The minutes' heading names the series above the number.
        await page.GotoAsync(seriesUrl);
        await Browser.WaitForInteractiveAsync(page);   // a link clicked before the circuit starts can be lost to its first render
        await page.Locator("[data-testid=series-meetings] tbody tr").Nth(1).Locator("a").ClickAsync();
        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync("ประชุมคณะทำงาน ครั้งที่สอง");
        var minutes = page.Url + "/minutes?lang=th";
        await page.GotoAsync(minutes);
        await Expect(page.Locator("[data-testid=minutes-series]")).ToHaveTextAsync(nameTh);
        await Expect(page.Locator("header.heading")).ToContainTextAsync("ครั้งที่ 2/2569");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("series-minutes-th") });

        // At phone width, in English: the page fits and the choice of start stacks.
        await page.SetViewportSizeAsync(375, 800);
        await Browser.GoToAsync(page, "/culture/set?culture=en-US&redirectUri=" + Uri.EscapeDataString(new Uri(seriesUrl).PathAndQuery));
        await page.ClickAsync("[data-testid=new-meeting-in-series]");
        await Expect(page.Locator("[data-testid=meeting-start]")).ToContainTextAsync("The standard agenda (items 1–5)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The new-meeting page scrolls sideways at 375 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("series-new-meeting-en-375"), FullPage = true });
        await page.GotoAsync(seriesUrl);
        await Browser.WaitForInteractiveAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("series-page-en-375"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    /// <summary>From the series page: a new meeting of the series, its start chosen with the keyboard.</summary>
    private static async Task CreateMeetingAsync(IPage page, string titleTh, string date, string expectedNumber, string? screenshot = null)
    {
        await page.ClickAsync("[data-testid=new-meeting-in-series]");
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync(titleTh);
        await Browser.Field(page, "title-en").FillAsync("Working group meeting");
        await Browser.Field(page, "date").FillAsync(date);
        await Browser.Field(page, "date").PressAsync("Tab");
        await Expect(Browser.Field(page, "number")).ToHaveValueAsync(expectedNumber);
        await Expect(Browser.Field(page, "host")).ToHaveValueAsync("บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        // Choosing with the keyboard: Space on a focused choice takes it.
        var blank = page.Locator("[data-testid=start-Blank] input");
        await blank.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(blank).ToBeCheckedAsync();
        var standard = page.Locator("[data-testid=start-StandardAgenda] input");
        await standard.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(standard).ToBeCheckedAsync();
        if (screenshot is not null)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(screenshot), FullPage = true });
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync(titleTh);
    }
}
