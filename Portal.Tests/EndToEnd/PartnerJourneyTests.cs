using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.DemoData;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

[Collection(nameof(ServerCollection))]
public class PartnerJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task The_World_Banks_partner_updates_its_item_to_done_and_cannot_open_KKTTs_token_item()
    {
        var page = await browser.SignInAsync(server, Roles.Partner, consoleErrors);
        await Browser.WaitForInteractiveAsync(page);
        // The menu offers meetings and action items only.
        var nav = page.Locator("nav");
        await Expect(nav).ToContainTextAsync("ภารกิจติดตาม");
        await Expect(nav).Not.ToContainTextAsync("หน่วยงาน");
        await Expect(nav).Not.ToContainTextAsync("บันทึกการเปลี่ยนแปลง");

        await Browser.GoToAsync(page, "/action-items");
        var rows = page.Locator("[data-testid=action-item-list] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("ธนาคารโลกส่งรายงานตามติดเศรษฐกิจไทยฉบับเต็ม");
        await rows.Locator("a").First.ClickAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=action-item-title]")).ToContainTextAsync("ธนาคารโลกส่งรายงาน");
        await Expect(page.Locator("[data-testid=edit]")).ToHaveCountAsync(0);

        await Browser.Field(page, "update-text").FillAsync("ส่งชุดข้อมูลเมืองรองให้ KKTT ครบแล้ว");
        await Browser.ChooseAsync(page, "update-status", "เสร็จแล้ว");
        await page.ClickAsync("[data-testid=update-post]");
        var latest = page.Locator("[data-testid=timeline-entry]").First;
        await Expect(latest).ToContainTextAsync("ส่งชุดข้อมูลเมืองรองให้ KKTT ครบแล้ว");
        await Expect(latest.Locator("[data-testid=status-move]")).ToContainTextAsync("กำลังดำเนินการ → เสร็จแล้ว");
        await Expect(page.Locator("[data-testid=action-status]").First).ToHaveTextAsync("เสร็จแล้ว");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("partner-action-item-done"), FullPage = true });

        // KKTT's digital-token item, typed in directly: nothing of it is shown.
        var tokenId = await TokenItemIdAsync();
        await Browser.GoToAsync(page, $"/action-items/{tokenId}");
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("โทเคน");
        var response = await page.APIRequest.GetAsync($"/action-items/export.csv");
        Assert.DoesNotContain("โทเคน", await response.TextAsync());

        // The meeting the World Bank attended is readable as approved minutes.
        await Browser.GoToAsync(page, "/meetings");
        await Browser.Field(page, "search").FillAsync("ไอยรา");
        // The search reaches the address after a pause; a click before it would be overtaken by that navigation.
        await page.WaitForURLAsync("**/meetings?*q=*");
        await Expect(page.Locator("[data-testid=meeting-table] tbody tr")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=meeting-table] a").First.ClickAsync();
        await page.WaitForURLAsync("**/meetings/2");
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.FrameLocator("[data-testid=minutes]").Locator("body")).ToContainTextAsync("ผู้มาประชุม");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("partner-meeting-minutes"), FullPage = true });
        await Expect(page.Locator("[data-testid=add-attendee]")).ToHaveCountAsync(0);
        Assert.Empty(consoleErrors);
    }

    private async Task<int> TokenItemIdAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        return db.ActionItems.Single(i => i.TitleEn == DemoActionItems.DigitalTokenTitleEn).Id;
    }
}
