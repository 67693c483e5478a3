using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Features.Users;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// An administrator disables an account or changes its role, or its user sets a new password elsewhere, while the portal
/// is open: the open page loses its sign-in at once (not at the next one-minute check), and a cookie issued before is refused.
/// </summary>
[Collection(nameof(ServerCollection))]
public class SessionRevocationTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    /// <summary>Well inside the one-minute security-stamp interval, which would otherwise be what ends the session.</summary>
    private const float AtOnce = 10_000;

    [Fact]
    public async Task Disabling_an_account_ends_its_open_page_and_its_other_sessions_at_once()
    {
        var (page, email, userId) = await StaffPageOpenAtAsync("/organizations");
        var elsewhere = await server.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/organizations")).StatusCode);

        Assert.True(await server.AsDemoUserAsync(Roles.Admin, services => services.GetRequiredService<UserService>().DisableAsync(userId)));

        await page.WaitForURLAsync("**/Account/Login**", new PageWaitForURLOptions { Timeout = AtOnce });
        var refused = await elsewhere.GetAsync("/organizations");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.ToString());
        var signInAgain = await PortalServer.SubmitLoginAsync(server.NewClient(), email, Portal.DemoData.DemoDataSeeder.Password);
        Assert.Contains("Account/Lockout", signInAgain.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_changed_role_ends_the_open_page_at_once_and_the_next_sign_in_carries_the_new_role()
    {
        var (page, email, userId) = await StaffPageOpenAtAsync("/meetings");

        await server.AsDemoUserAsync(Roles.Admin, async services =>
        {
            await services.GetRequiredService<UserService>().SetRoleAsync(userId, Roles.Coordinator);
            return true;
        });

        await page.WaitForURLAsync("**/Account/Login**", new PageWaitForURLOptions { Timeout = AtOnce });
        var again = await server.SignedInClientAsync(email);
        // A coordinator reads meetings but may not create them; staff could.
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/meetings")).StatusCode);
        Assert.DoesNotContain("data-testid=\"new-meeting\"", await again.GetStringAsync("/meetings"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_new_password_ends_the_open_page_of_another_sign_in_at_once_and_keeps_the_one_that_changed_it()
    {
        var (page, email, _) = await StaffPageOpenAtAsync("/meetings");
        var here = await server.SignedInClientAsync(email);

        var form = await here.GetStringAsync("/Account/Manage/ChangePassword");
        var changed = await here.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(form),
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = Portal.DemoData.DemoDataSeeder.Password,
            ["Input.NewPassword"] = "A-new-password-2568!",
            ["Input.ConfirmPassword"] = "A-new-password-2568!",
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await page.WaitForURLAsync("**/Account/Login**", new PageWaitForURLOptions { Timeout = AtOnce });
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/meetings")).StatusCode);
    }

    /// <summary>A new staff account, signed in in Chromium with this page open and live.</summary>
    private async Task<(IPage Page, string Email, string UserId)> StaffPageOpenAtAsync(string path)
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        var page = await browser.SignInAsAsync(server, email, problems);
        await Browser.GoToAsync(page, path);
        return (page, email, await server.UserIdAsync(email));
    }
}
