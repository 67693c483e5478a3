using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>Leaving a form with changes asks first; a form left unchanged, or saved, is left without a question.</summary>
[Collection(nameof(ServerCollection))]
public class UnsavedChangesTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private const string Question = "มีการแก้ไขที่ยังไม่ได้บันทึก ต้องการออกจากหน้านี้และละทิ้งการแก้ไขหรือไม่";

    /// <summary>Browser.cs counts every dialog as a problem; here the dialogs are the point, so they are answered and counted apart.</summary>
    private readonly List<string> problems = [];
    private readonly List<string> dialogs = [];
    private bool leave;

    [Fact]
    public async Task Leaving_an_edited_form_asks_and_staying_keeps_the_text_leaving_goes()
    {
        var page = await SignInAsync();
        await Browser.GoToAsync(page, "/organizations");
        await page.ClickAsync("[data-testid=new-organization]"); // within the app, so that Back stays in it too
        await Expect(Browser.Field(page, "name-th")).ToBeFocusedAsync();
        await Browser.Field(page, "name-th").FillAsync("สำนักงานที่ยังไม่บันทึก");

        leave = false;
        await page.ClickAsync("nav a[href=people]");
        await WaitForDialogsAsync(1);
        Assert.Equal(Question, dialogs[0]);
        Assert.EndsWith("/organizations/new", page.Url);
        await Expect(Browser.Field(page, "name-th")).ToHaveValueAsync("สำนักงานที่ยังไม่บันทึก");

        // Back asks as well.
        await page.EvaluateAsync("() => history.back()");
        await WaitForDialogsAsync(2);
        await Expect(Browser.Field(page, "name-th")).ToHaveValueAsync("สำนักงานที่ยังไม่บันทึก");
        Assert.EndsWith("/organizations/new", page.Url);

        leave = true;
        await page.ClickAsync("nav a[href=people]");
        await page.WaitForURLAsync("**/people");
        await Expect(page.Locator("h1")).ToHaveTextAsync("บุคคล");
        Assert.Equal(3, dialogs.Count);
        Assert.DoesNotContain(problems, p => !p.Contains(Question));
    }

    [Fact]
    public async Task An_unchanged_form_and_a_saved_one_are_left_without_a_question()
    {
        var page = await SignInAsync();
        // An organization of this test's own: others on the shared server edit the demo ones.
        var id = await server.QueryAsync(async db =>
        {
            var organization = db.Organizations.Add(new Portal.Features.Organizations.Organization { NameTh = "หน่วยงานทดสอบการออกจากหน้า", NameEn = "Leave-page test office" }).Entity;
            await db.SaveChangesAsync();
            return organization.Id;
        });
        await Browser.GoToAsync(page, $"/organizations/{id}/edit");
        await Expect(Browser.Field(page, "name-th")).Not.ToHaveValueAsync("");
        await page.ClickAsync("nav a[href=meetings]");
        await LeftForAsync(page, "**/meetings");

        await Browser.GoToAsync(page, $"/organizations/{id}/edit");
        await Browser.Field(page, "notes").FillAsync("บันทึกแล้ว ไม่ต้องถาม");
        await page.ClickAsync("[data-testid=save]");
        await LeftForAsync(page, $"**/organizations/{id}");
        await Expect(page.Locator(".mud-main-content")).ToContainTextAsync("บันทึกแล้ว ไม่ต้องถาม");
        await page.ClickAsync("nav a[href=people]");
        await LeftForAsync(page, "**/people");

        // A typed change undone is no change.
        await Browser.GoToAsync(page, "/people/new");
        await Browser.Field(page, "given-th").FillAsync("ชั่วคราว");
        await Browser.Field(page, "given-th").FillAsync("");
        await page.ClickAsync("nav a[href=organizations]");
        await LeftForAsync(page, "**/organizations");
        await Expect(page.Locator("h1")).ToHaveTextAsync("หน่วยงาน");

        Assert.Empty(dialogs);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Reloading_an_edited_form_asks_the_browsers_own_question()
    {
        var page = await SignInAsync();
        await Browser.GoToAsync(page, "/meetings/new");
        await Browser.Field(page, "title-en").FillAsync("A title not saved");
        await page.ClickAsync("h1"); // the field reports its value when it loses focus
        // The change has reached the server and the render telling the browser to ask has come back.
        await Expect(page.Locator("[data-testid=unsaved-changes]")).ToHaveAttributeAsync("data-unsaved", "true");
        await Task.Delay(500);   // NavigationLock tells the browser after that render

        var types = new List<string>();
        page.Dialog += (_, dialog) => types.Add(dialog.Type);
        leave = true;
        await page.ReloadAsync();
        await Browser.WaitForInteractiveAsync(page);
        Assert.Contains("beforeunload", types);
        Assert.DoesNotContain(problems, p => !p.Contains("A script opened a dialog"));
    }

    private async Task<IPage> SignInAsync()
    {
        // An account of the test's own, so that no other test's sign-out or password change ends this session.
        var page = await browser.SignInAsAsync(server, await server.NewAccountAsync(Roles.Staff), problems);
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            if (leave) await dialog.AcceptAsync();
            else await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>Waits for the page to leave for <paramref name="url"/>; if it stays, says what held it (a question asked, the guard's state).</summary>
    private async Task LeftForAsync(IPage page, string url)
    {
        try
        {
            // Leaving is the URL changing; a busy machine may still be loading the next page, which the caller's own checks wait for.
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            // Read without waiting: the guard is not on every page.
            var guard = page.Locator("[data-testid=unsaved-changes]");
            var unsaved = await guard.CountAsync() > 0 ? await guard.GetAttributeAsync("data-unsaved") : "no guard on the page";
            var heading = await page.Locator("h1").CountAsync() > 0 ? await page.Locator("h1").First.TextContentAsync() : "no h1";
            var shot = Browser.ScreenshotPath($"unsaved-changes-stayed-{DateTime.UtcNow:HHmmss}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            var main = await page.Locator("main").CountAsync() > 0 ? await page.Locator("main").First.InnerTextAsync() : "no main";
            Assert.Fail($"Still at {page.Url} ({heading}) instead of {url}; questions asked: [{string.Join(" | ", dialogs)}]; unsaved: {unsaved}; " +
                        $"problems: [{string.Join(" | ", problems)}]; screenshot: {shot}; main: {main[..Math.Min(main.Length, 400)]}");
        }
    }

    private async Task WaitForDialogsAsync(int count)
    {
        for (var wait = 0; wait < 100 && dialogs.Count < count; wait++)
            await Task.Delay(100);
        Assert.Equal(count, dialogs.Count);
    }
}
