using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>The Word documents of the minutes, from the meeting page's print menu.</summary>
[Collection(nameof(ServerCollection))]
public class MinutesWordJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    [Theory]
    [InlineData("th", 1280)]
    [InlineData("en", 375)]
    public async Task The_print_menu_downloads_the_minutes_as_a_Word_document(string culture, int width)
    {
        var page = await browser.SignInAsync(server, Roles.Staff, consoleErrors, width);
        var id = await server.WorkshopIdAsync();
        await Browser.GoToAsync(page, $"/culture/set?culture={(culture == "th" ? "th-TH" : "en-US")}&redirectUri=%2Fmeetings%2F{id}");
        await page.ClickAsync("[data-testid=print-menu] button");
        var item = page.Locator("[data-testid=docx-bilingual]");
        await Expect(item).ToHaveTextAsync(culture == "th" ? "Word (.docx) สองภาษา" : "Word (.docx): Thai and English");
        await Expect(page.Locator("[data-testid=docx-th]")).ToHaveAttributeAsync("href", new Regex($@"meetings/{id}/minutes\.docx\?lang=th$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"minutes-docx-menu-{culture}-{width}") });

        var download = await page.RunAndWaitForDownloadAsync(() => item.ClickAsync());
        Assert.Equal("2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น (bilingual).docx", download.SuggestedFilename);
        using (var document = WordprocessingDocument.Open((await download.PathAsync())!, false))
            Assert.Contains("ผู้มาประชุม / Present", document.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Empty(consoleErrors);
    }
}
