using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>Dates typed in either calendar in either language: what the field understood is shown back under it, what
/// is not a date is refused next to it, and a refused date saves nothing and loses nothing else on the form.</summary>
[Collection(nameof(ServerCollection))]
public class DateEntryTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    private static ILocator FieldBox(IPage page, string testId) =>
        page.Locator(".mud-input-control", new PageLocatorOptions { Has = Browser.Field(page, testId) }).First;

    private static async Task TypeAsync(IPage page, string testId, string text)
    {
        await Browser.Field(page, testId).FillAsync(text);
        await Browser.Field(page, testId).PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
    }

    private async Task<IPage> SignInAsync(string role, bool english, int width = 1280)
    {
        var page = await browser.SignInAsync(server, role, consoleErrors, width);
        if (english)
            await Browser.GoToAsync(page, "/culture/set?culture=en-US&redirectUri=%2F");
        return page;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_Western_year_typed_in_Thai_is_understood_as_that_year_and_saved_as_BE_2570(int width)
    {
        var page = await SignInAsync(Roles.Staff, english: false, width);
        await Browser.GoToAsync(page, "/meetings/new");
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync("ประชุมทดสอบปีคริสต์ศักราช");
        await Browser.Field(page, "title-en").FillAsync("Meeting dated in the Western calendar");
        await TypeAsync(page, "date", "14/1/2027");
        await Expect(FieldBox(page, "date")).ToContainTextAsync("14 มกราคม 2570 (ค.ศ. 2027)");
        await Expect(Browser.Field(page, "date")).ToHaveValueAsync("14/1/2570");
        await TypeAsync(page, "start-time", "9.30 น.");
        await Expect(Browser.Field(page, "start-time")).ToHaveValueAsync("09:30");
        await Browser.ChooseAsync(page, "host", "บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        await page.Keyboard.PressAsync("Escape");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"date-typed-western-th-{width}"), FullPage = true });
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=meeting-date]")).ToContainTextAsync("14 มกราคม 2570");
        await Expect(page.Locator("[data-testid=particulars]")).ToContainTextAsync("09:30");

        await Browser.GoToAsync(page, "/action-items/new");
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync("ส่งรายงานปีคริสต์ศักราช");
        await Browser.Field(page, "title-en").FillAsync("Send the report");
        await Browser.ChooseAsync(page, "owners", "บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        await page.Keyboard.PressAsync("Escape");
        await TypeAsync(page, "due-date", "14/1/2027");
        await Expect(FieldBox(page, "due-date")).ToContainTextAsync("14 มกราคม 2570 (ค.ศ. 2027)");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=action-item-fields]")).ToContainTextAsync("14 มกราคม 2570");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_Buddhist_Era_year_typed_in_English_is_understood_and_shown_in_the_Western_calendar()
    {
        var page = await SignInAsync(Roles.Staff, english: true);
        await Browser.GoToAsync(page, "/meetings/new");
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync("ประชุมทดสอบปีพุทธศักราช");
        await Browser.Field(page, "title-en").FillAsync("Meeting dated in the Buddhist Era");
        await TypeAsync(page, "date", "31/7/2567");
        await Expect(FieldBox(page, "date")).ToContainTextAsync("31 July 2024 (B.E. 2567)");
        await Expect(Browser.Field(page, "date")).ToHaveValueAsync("31/7/2024");
        await Browser.ChooseAsync(page, "host", "Khon Kaen Think Tank");
        await page.Keyboard.PressAsync("Escape");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("date-typed-buddhist-en-1280"), FullPage = true });
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=meeting-date]")).ToContainTextAsync("31 July 2024");

        await Browser.GoToAsync(page, "/action-items/new");
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync("ส่งรายงาน");
        await Browser.Field(page, "title-en").FillAsync("Send the report in B.E.");
        await Browser.ChooseAsync(page, "owners", "Khon Kaen Think Tank");
        await page.Keyboard.PressAsync("Escape");
        await TypeAsync(page, "due-date", "14/1/2570");
        await Expect(FieldBox(page, "due-date")).ToContainTextAsync("14 January 2027 (B.E. 2570)");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=action-item-fields]")).ToContainTextAsync("14 January 2027");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_refused_next_to_the_field_and_nothing_typed_is_lost()
    {
        var page = await SignInAsync(Roles.Staff, english: false);
        await Browser.GoToAsync(page, "/meetings/new");
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync("ประชุมวันที่พิมพ์ผิด");
        await Browser.Field(page, "title-en").FillAsync("Meeting with a mistyped date");
        await Browser.ChooseAsync(page, "host", "บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        await page.Keyboard.PressAsync("Escape");

        await TypeAsync(page, "date", "14/1/1484");
        await Expect(FieldBox(page, "date")).ToContainTextAsync("ไม่ใช่ทั้ง พ.ศ.");
        await TypeAsync(page, "date", "31/2/2570");
        await Expect(FieldBox(page, "date")).ToContainTextAsync("ไม่มีวันนี้ในปฏิทิน");
        await TypeAsync(page, "start-time", "25.90");
        await Expect(FieldBox(page, "start-time")).ToContainTextAsync("อ่านเวลาไม่ได้");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("date-refused-th-1280"), FullPage = true });
        await page.ClickAsync("[data-testid=save]");
        await Task.Delay(500);
        Assert.EndsWith("/meetings/new", page.Url);
        await Expect(Browser.Field(page, "date")).ToHaveValueAsync("31/2/2570");
        await Expect(Browser.Field(page, "title-th")).ToHaveValueAsync("ประชุมวันที่พิมพ์ผิด");

        await TypeAsync(page, "date", "28/2/2570");
        await TypeAsync(page, "start-time", "13.00");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=meeting-date]")).ToContainTextAsync("28 กุมภาพันธ์ 2570");
        Assert.Empty(consoleErrors);
    }
}
