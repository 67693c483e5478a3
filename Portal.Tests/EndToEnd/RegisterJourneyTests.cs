using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

[Collection(nameof(ServerCollection))]
public class RegisterJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    private Task<IPage> SignInAsync(string role, int width = 1280) => browser.SignInAsync(server, role, consoleErrors, width);

    [Fact]
    public async Task Staff_creates_an_organization_finds_it_by_a_Thai_substring_and_switches_to_English()
    {
        var page = await SignInAsync(Roles.Staff);
        await Expect(page.Locator("h1")).ToHaveTextAsync("ภาพรวม");

        await Browser.GoToAsync(page, "/organizations/new");
        // The form focuses its first field once interactive; typing elsewhere before that would be moved into it.
        await Expect(Browser.Field(page, "name-th")).ToBeFocusedAsync();
        await Browser.Field(page, "name-th").FillAsync("สำนักงานขนส่งจังหวัดขอนแก่น");
        await Browser.Field(page, "name-en").FillAsync("Khon Kaen Provincial Land Transport Office");
        await Browser.Field(page, "acronym").FillAsync("DLT-KK");
        await Browser.Field(page, "website").FillAsync("javascript:alert(1)");
        await page.ClickAsync("[data-testid=save]");
        // A bad website is refused next to the field, and what was typed stays.
        await Expect(page.GetByText("โปรดกรอกที่อยู่เว็บไซต์ที่ขึ้นต้นด้วย https:// หรือ http://")).ToBeVisibleAsync();
        await Expect(Browser.Field(page, "name-th")).ToHaveValueAsync("สำนักงานขนส่งจังหวัดขอนแก่น");
        await Browser.Field(page, "website").FillAsync("https://khonkaen.dlt.go.th");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=organization-name]")).ToContainTextAsync("สำนักงานขนส่งจังหวัดขอนแก่น");
        await Expect(page.Locator(".mud-main-content")).ToContainTextAsync("https://khonkaen.dlt.go.th");

        await Browser.GoToAsync(page, "/organizations");
        await Browser.Field(page, "search").FillAsync("ขนส่ง");
        var table = page.Locator("[data-testid=organization-table]");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("DLT-KK");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("organizations-search-th"), FullPage = true });

        await page.ClickAsync("[data-testid=language-switch]");
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Organizations");
        await Expect(page.Locator("nav")).ToContainTextAsync("People");
        await Browser.Field(page, "search").FillAsync("transport");
        await Expect(page.Locator("[data-testid=organization-table]")).ToContainTextAsync("Khon Kaen Provincial Land Transport Office");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("organizations-search-en"), FullPage = true });

        // The choice persists in a cookie: a fresh page load stays English.
        await Browser.GoToAsync(page, "/people");
        await Expect(page.Locator("h1")).ToHaveTextAsync("People");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_whole_name_typed_with_its_title_into_the_given_name_is_taken_apart_when_the_field_is_left()
    {
        var page = await SignInAsync(Roles.Staff);
        await Browser.GoToAsync(page, "/people/new");
        await Expect(Browser.Field(page, "given-th")).ToBeFocusedAsync();
        await Browser.Field(page, "given-th").FillAsync("นางสาวอรุณี ทดสอบชื่อเต็ม");
        await Browser.Field(page, "given-th").PressAsync("Tab");
        await Expect(Browser.Field(page, "given-th")).ToHaveValueAsync("อรุณี");
        await Expect(Browser.Field(page, "family-th")).ToHaveValueAsync("ทดสอบชื่อเต็ม");
        await Expect(Browser.Field(page, "honorific")).ToHaveValueAsync("นางสาว / Ms.");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_registers_work_on_a_phone_sized_screen()
    {
        var page = await SignInAsync(Roles.Coordinator, width: 390);
        await Browser.GoToAsync(page, "/people");
        await Expect(page.Locator("[data-testid=person-table]")).ToContainTextAsync("เมลินดา");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The people list scrolls sideways on a phone.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("people-phone"), FullPage = true });
        // A coordinator reads but does not edit.
        await Expect(page.Locator("[data-testid=new-person]")).ToHaveCountAsync(0);
    }
}
