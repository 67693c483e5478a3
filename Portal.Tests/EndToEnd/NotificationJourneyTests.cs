using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.DemoData;
using Portal.Features.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// Staff move the World Bank's item to done in one browser; in another, the World Bank's partner, on its home page, sees
/// the unread count appear without reloading, opens the list, follows the notification to the item, and the count is gone.
/// Then it chooses a daily digest for status changes, saves, and finds the choice kept on coming back.
/// A server of its own: the item's status changes, which other journeys on the shared server rely on.
/// </summary>
public sealed class NotificationJourneyTests(Browser browser) : OwnServerTests, IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task The_World_Banks_partner_sees_the_status_change_counted_opens_it_and_keeps_its_settings()
    {
        var itemId = await Server.QueryAsync(db => db.ActionItems.Where(i => i.TitleEn == DemoActionItems.WorldBankReportTitleEn).Select(i => i.Id).SingleAsync());
        var partner = await browser.SignInAsync(Server, Roles.Partner, problems);
        await Browser.WaitForInteractiveAsync(partner);
        var count = partner.Locator("[data-testid=notification-count]");
        await Expect(partner.Locator("[data-testid=notification-bell]")).ToBeVisibleAsync();
        await Expect(count).ToHaveCountAsync(0);

        var staff = await browser.SignInAsync(Server, Roles.Staff, problems);
        await Browser.GoToAsync(staff, $"/action-items/{itemId}");
        await Browser.ChooseAsync(staff, "update-status", "เสร็จแล้ว");
        await staff.ClickAsync("[data-testid=update-post]");
        await Expect(staff.Locator("[data-testid=action-status]").First).ToHaveTextAsync("เสร็จแล้ว");

        var partnerId = await Server.UserIdAsync("partner.worldbank@kktt.demo");
        Assert.Equal(1, await Server.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == partnerId && n.ActionItemId == itemId)));
        // Live: the partner's page did not reload.
        await Expect(count).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 15000 });
        await Expect(partner.Locator("[data-testid=notification-bell]")).ToHaveAttributeAsync("aria-label", "การแจ้งเตือน ยังไม่อ่าน 1 รายการ");
        await partner.ClickAsync("[data-testid=notification-bell]");
        await partner.WaitForURLAsync("**/notifications");
        var entry = partner.Locator("[data-testid=notification]");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToHaveAttributeAsync("data-unread", "true");
        await partner.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("notifications-partner"), FullPage = true });
        Assert.Contains("สถานะของภารกิจเปลี่ยนแปลง", await entry.InnerTextAsync());
        await Expect(entry).ToContainTextAsync("ธนาคารโลกส่งรายงาน");
        await Expect(entry).ToContainTextAsync("สถานะใหม่: เสร็จแล้ว");
        await Expect(entry).ToContainTextAsync("Staff (demo)");
        await partner.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("notifications-partner"), FullPage = true });

        await entry.Locator("[data-testid=notification-link]").ClickAsync();
        await partner.WaitForURLAsync($"**/action-items/{itemId}");
        await Expect(partner.Locator("[data-testid=action-item-title]")).ToContainTextAsync("ธนาคารโลกส่งรายงาน");
        await Expect(count).ToHaveCountAsync(0);
        await Browser.GoToAsync(partner, "/notifications");
        await Expect(partner.Locator("[data-testid=notification]")).ToHaveAttributeAsync("data-unread", "false");

        // Staff made the change and are told nothing of it.
        await Browser.GoToAsync(staff, "/notifications");
        await Expect(staff.Locator("[data-testid=no-notifications]")).ToBeVisibleAsync();

        // Settings: status changes in the daily digest; saved, and still so on coming back.
        await Browser.GoToAsync(partner, "/notifications/settings");
        await partner.ClickAsync("[data-testid=pref-ActionStatusChanged-Digest]");
        await partner.ClickAsync("[data-testid=pref-MinutesApproved-Off]");
        await partner.ClickAsync("[data-testid=save]");
        await Expect(partner.Locator(".mud-snackbar")).ToContainTextAsync("บันทึกการตั้งค่าการแจ้งเตือนแล้ว");
        await partner.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("notification-settings"), FullPage = true });
        await partner.ReloadAsync();
        await Browser.WaitForInteractiveAsync(partner);
        await Expect(partner.Locator("input[data-testid=pref-ActionStatusChanged-Digest], [data-testid=pref-ActionStatusChanged-Digest] input")).ToBeCheckedAsync();
        await Expect(partner.Locator("input[data-testid=pref-MinutesApproved-Off], [data-testid=pref-MinutesApproved-Off] input")).ToBeCheckedAsync();
        await Expect(partner.Locator("input[data-testid=pref-ActionAssigned-Immediate], [data-testid=pref-ActionAssigned-Immediate] input")).ToBeCheckedAsync();
        var saved = await Server.QueryAsync(db => db.NotificationPreferences
            .Join(db.Users.Where(u => u.Email == "partner.worldbank@kktt.demo"), p => p.UserId, u => u.Id, (p, _) => new { p.Kind, p.Delivery }).ToListAsync());
        Assert.Contains(saved, p => p.Kind == NotificationKind.ActionStatusChanged && p.Delivery == NotificationDelivery.Digest);
        Assert.Empty(problems);
    }
}
