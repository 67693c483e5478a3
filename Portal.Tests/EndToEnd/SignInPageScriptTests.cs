using Microsoft.Playwright;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// The sign-in page's passkey script on hosts where WebAuthn cannot work: an IP address is never a valid relying party
/// ("SecurityError: This is an invalid domain" in the console before), so the passkey option is not offered there, and
/// no host gets a console error.
/// </summary>
[Collection(nameof(ServerCollection))]
public class SignInPageScriptTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task The_sign_in_page_loads_without_a_console_error(string host)
    {
        var baseAddress = server.BaseAddress.Replace("localhost", host);
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);

        await page.GotoAsync("/Account/Login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The script defines its element and asks for passkey autofill after the page has loaded.
        await page.WaitForFunctionAsync("() => customElements.get('passkey-submit') !== undefined");
        await page.WaitForTimeoutAsync(1000);

        Assert.Empty(problems);
        await Assertions.Expect(page.Locator("[data-testid=login-submit]")).ToBeVisibleAsync();
        if (host == "127.0.0.1")
            await Assertions.Expect(page.Locator("[data-passkey-option]")).ToBeHiddenAsync();
        await context.CloseAsync();
    }
}
