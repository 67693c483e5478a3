using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// The account menu in the app bar opens by mouse, keyboard and touch, names the person (not the sign-in e-mail), and
/// offers My account, the other language and signing out, which ends the session for good.
/// </summary>
[Collection(nameof(ServerCollection))]
public class AccountMenuTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private const string PersonName = "สมหญิง ใจดี";
    private readonly List<string> problems = [];

    [Fact]
    public async Task The_menu_opens_by_click_and_by_Enter_and_Space_and_names_the_person()
    {
        var (page, email) = await SignInAsNewStaffAsync();
        await Browser.GoToAsync(page, "/");

        await Expect(page.Locator("header")).ToContainTextAsync(PersonName);
        await Expect(page.Locator("header")).Not.ToContainTextAsync(email);
        var activator = MenuButton(page);
        await Expect(activator).ToHaveAttributeAsync("aria-expanded", "false");

        await page.ClickAsync("[data-testid=user-menu]");
        await ExpectOpenAsync(page, email);
        await Expect(activator).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("account-menu-desktop-th") });
        await page.Mouse.ClickAsync(600, 500); // anywhere else closes it
        await Expect(page.Locator("[data-testid=my-account]")).ToBeHiddenAsync();

        foreach (var key in new[] { "Enter", " " })
        {
            await activator.FocusAsync();
            await page.Keyboard.PressAsync(key);
            await ExpectOpenAsync(page, email);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator("[data-testid=my-account]")).ToBeHiddenAsync();
        }

        // Arrow keys reach every item, signing out included.
        await activator.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=my-account]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("[data-testid=menu-notification-settings]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("[data-testid=menu-language]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("[data-testid=logout]")).ToBeFocusedAsync();
        Assert.Empty(problems);
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_is_on_screen_and_opens_by_tap_in_Thai_and_in_English()
    {
        var (desktop, email) = await SignInAsNewStaffAsync();
        var phone = await OpenWithTheSameCookiesAsync(desktop, width: 375, touch: true);

        foreach (var language in new[] { "th", "en" })
        {
            await Browser.GoToAsync(phone, "/meetings");
            var button = MenuButton(phone);
            var box = await button.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"The menu button lies at {box.X}–{box.X + box.Width} px on a 375 px screen ({language}).");
            // On a phone the button shows only the icon; its name is still the person's, and what it is for.
            var name = Regex.Replace(await button.TextContentAsync() ?? "", @"\s+", " ").Trim();
            Assert.Equal($"{PersonName} {(language == "th" ? "เมนูบัญชีผู้ใช้" : "Account menu")}", name);
            Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), "The app bar scrolls sideways.");

            await phone.TapAsync("[data-testid=user-menu]");
            await ExpectOpenAsync(phone, email);
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"account-menu-phone-{language}") });

            if (language == "th")
            {
                // The language choice of the menu: a full page load in English, on the same page.
                await phone.TapAsync("[data-testid=menu-language]");
                await phone.WaitForURLAsync("**/meetings");
                await Browser.WaitForInteractiveAsync(phone);
                await Expect(phone.Locator("h1")).ToHaveTextAsync("Meetings");
            }
        }

        // The same by mouse on a desktop; in English the menu offers Thai back.
        await Browser.GoToAsync(desktop, "/people");
        await desktop.ClickAsync("[data-testid=user-menu]");
        await desktop.ClickAsync("[data-testid=menu-language]");
        await desktop.WaitForURLAsync("**/people");
        await Browser.WaitForInteractiveAsync(desktop);
        await Expect(desktop.Locator("h1")).ToHaveTextAsync("People");
        await desktop.ClickAsync("[data-testid=user-menu]");
        await ExpectOpenAsync(desktop, email);
        await Expect(desktop.Locator("[data-testid=menu-language]")).ToHaveTextAsync("ภาษาไทย");
        await desktop.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("account-menu-desktop-en") });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Signing_out_through_the_menu_ends_the_session_and_a_copy_of_its_cookie_reaches_nothing()
    {
        var (page, _) = await SignInAsNewStaffAsync();
        await Browser.GoToAsync(page, "/organizations");
        var cookies = await page.Context.CookiesAsync();

        // Before: a copy of the cookie opens a protected page in another browser.
        var copy = await OpenWithTheSameCookiesAsync(page, width: 1280, touch: false);
        await copy.GotoAsync("/organizations");
        await Expect(copy.Locator("h1")).ToHaveTextAsync("หน่วยงาน");
        await copy.Context.CloseAsync();

        await page.ClickAsync("[data-testid=user-menu]");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/Account/Login**");
        // The next person to sign in on this computer starts at their own home page, not at the page left behind.
        Assert.DoesNotContain("ReturnUrl", page.Url);

        var replay = await OpenWithTheSameCookiesAsync(page, width: 1280, touch: false, cookies: cookies);
        await replay.GotoAsync("/organizations");
        Assert.Contains("/Account/Login", replay.Url);
        await Expect(replay.Locator("#Input\\.Email")).ToBeVisibleAsync();
        Assert.Empty(problems);
    }

    private static ILocator MenuButton(IPage page) => page.Locator(".user-menu [role=button][aria-haspopup=menu]");

    private static async Task ExpectOpenAsync(IPage page, string email)
    {
        var who = page.Locator("[data-testid=user-menu-who]");
        await Expect(who).ToBeVisibleAsync();
        await Expect(who).ToContainTextAsync(PersonName);
        await Expect(who).ToContainTextAsync(email);
        await Expect(page.Locator("[data-testid=my-account]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=menu-language]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=logout]")).ToBeVisibleAsync();
    }

    /// <summary>A new staff account with a Thai name (the demo accounts' names could pass for labels), signed in.</summary>
    private async Task<(IPage Page, string Email)> SignInAsNewStaffAsync()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        await server.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.DisplayName = PersonName;
            return await db.SaveChangesAsync();
        });
        return (await browser.SignInAsAsync(server, email, problems), email);
    }

    /// <summary>Another browser context holding the cookies of <paramref name="page"/> (or the given ones): the same session.</summary>
    private async Task<IPage> OpenWithTheSameCookiesAsync(IPage page, int width, bool touch, IReadOnlyList<BrowserContextCookiesResult>? cookies = null)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress, ViewportSize = new ViewportSize { Width = width, Height = 800 }, HasTouch = touch, IsMobile = touch,
        });
        await context.AddCookiesAsync((cookies ?? await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var copy = await context.NewPageAsync();
        copy.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        copy.PageError += (_, error) => problems.Add(error);
        return copy;
    }
}
