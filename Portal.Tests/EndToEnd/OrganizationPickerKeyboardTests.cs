using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// A keyboard user tabbing through a form passes an organization picker without choosing anything: no list opens over the
/// page, and no organization nobody chose becomes a meeting's host or a report's filter. Typing and Tab still choose.
/// </summary>
[Collection(nameof(ServerCollection))]
public class OrganizationPickerKeyboardTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    /// <summary>
    /// Tab, until the focus has left <paramref name="field"/>: a picker selects its text when it is focused, a round trip
    /// to the server, and a Tab pressed before that answer arrives finds the focus pulled back (MudBlazor's select on focus).
    /// </summary>
    private static async Task TabOutOfAsync(IPage page, ILocator field)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Tab");
            try
            {
                await Expect(field).Not.ToBeFocusedAsync(new LocatorAssertionsToBeFocusedOptions { Timeout = 2000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
    }

    [Fact]
    public async Task Tabbing_through_a_picker_chooses_nothing_and_typing_then_Tab_chooses_the_organization_offered()
    {
        var page = await browser.SignInAsync(server, Roles.Staff, problems);
        // The report's filters: tabbing past the organization leaves the report on every organization.
        await Browser.GoToAsync(page, "/culture/set?culture=th-TH&redirectUri=%2Freports%3Ffrom%3D2024-01-01%26to%3D2026-12-31");
        await Browser.Field(page, "report-to").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(Browser.Field(page, "report-organization")).ToBeFocusedAsync();
        await TabOutOfAsync(page, Browser.Field(page, "report-organization"));
        await Expect(Browser.Field(page, "report-organization")).ToHaveValueAsync("");
        Assert.DoesNotMatch(new Regex("org="), page.Url);

        // A new meeting's host (the form then holds a choice; leaving it would ask first, so it comes last).
        await Browser.GoToAsync(page, "/meetings/new");
        var host = Browser.Field(page, "host");
        var list = page.Locator(".mud-popover-open .mud-list");

        await host.FocusAsync();
        await TabOutOfAsync(page, host);
        await Expect(list).ToHaveCountAsync(0);
        await Expect(host).ToHaveValueAsync("");

        // A click opens the list; leaving by Tab without a choice still chooses nothing.
        await host.ClickAsync();
        await Expect(list).ToBeVisibleAsync();
        await TabOutOfAsync(page, host);
        await Expect(list).ToHaveCountAsync(0);
        await Expect(host).ToHaveValueAsync("");

        await host.FocusAsync();
        await page.Keyboard.TypeAsync("KKTT");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        await page.Keyboard.PressAsync("Tab");
        await Expect(host).ToHaveValueAsync("บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        // Tabbing through it again keeps what was chosen.
        await host.FocusAsync();
        await TabOutOfAsync(page, host);
        await Expect(host).ToHaveValueAsync("บริษัท ขอนแก่นพัฒนาเมือง จำกัด");

        Assert.Empty(problems);
    }
}
