using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>The audit log's filters as an administrator uses them: chosen on the page, kept in the address, and a reversed period said so.</summary>
[Collection(nameof(ServerCollection))]
public class AuditLogTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task Filters_by_kind_and_period_live_in_the_address_and_a_period_that_ends_before_it_starts_is_pointed_out()
    {
        var page = await browser.SignInAsync(server, Roles.Admin, problems);
        await Browser.GoToAsync(page, "/admin/audit");
        await Expect(page.Locator("[data-testid=audit-total]")).ToContainTextAsync("UTC+7");

        await Browser.ChooseAsync(page, "audit-kind", "หน่วยงาน");
        await page.WaitForURLAsync("**/admin/audit?kind=Organization*");
        var records = page.Locator("[data-testid=audit-record]");
        await Expect(records.First).ToBeVisibleAsync();
        foreach (var text in await records.AllInnerTextsAsync())
            Assert.StartsWith("หน่วยงาน:", text);

        await Browser.Field(page, "audit-from").FillAsync("1/1/2567");
        await Browser.Field(page, "audit-from").PressAsync("Tab");
        await page.WaitForURLAsync("**from=2024-01-01*");
        await Browser.Field(page, "audit-to").FillAsync("31/12/2023");
        await Browser.Field(page, "audit-to").PressAsync("Tab");
        await page.WaitForURLAsync("**to=2023-12-31*");
        await Expect(page.Locator("[data-testid=audit-filters]")).ToContainTextAsync("วันสิ้นสุดอยู่ก่อนวันเริ่มต้น");
        await Expect(page.Locator("[data-testid=audit-entry]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("audit-period-reversed-th"), FullPage = true });

        // Back takes the last filter off, as the address kept each one.
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("to=2023"));
        await Expect(page.Locator("[data-testid=audit-filters]")).Not.ToContainTextAsync("วันสิ้นสุดอยู่ก่อนวันเริ่มต้น");
        Assert.Empty(problems);
    }
}
