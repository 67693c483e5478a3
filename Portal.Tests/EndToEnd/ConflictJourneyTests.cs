using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Data;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

[Collection(nameof(ServerCollection))]
public class ConflictJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task Two_people_edit_the_same_organization_and_the_second_sees_the_first_ones_change_before_saving_over_it()
    {
        var id = await server.QueryAsync(db => db.Organizations.Where(o => o.Acronym == "KKU").Select(o => o.Id).SingleAsync());

        var staff = await browser.SignInAsync(server, Roles.Staff, consoleErrors);
        var admin = await browser.SignInAsync(server, Roles.Admin, consoleErrors);
        foreach (var page in new[] { staff, admin })
        {
            await Browser.GoToAsync(page, $"/organizations/{id}/edit");
            await Expect(Browser.Field(page, "name-th")).ToBeFocusedAsync();
        }

        await Browser.Field(staff, "notes").FillAsync("ประสานงานผ่านคณะสถาปัตยกรรมศาสตร์");
        await staff.ClickAsync("[data-testid=save]");
        await staff.WaitForURLAsync($"**/organizations/{id}");

        await Browser.Field(admin, "notes").FillAsync("Contact through the president's office");
        await admin.ClickAsync("[data-testid=save]");
        var conflict = admin.Locator("[data-testid=save-conflict]");
        await Expect(conflict).ToContainTextAsync(PortalHost.DemoAccount(Roles.Staff));
        await Expect(conflict.Locator("[data-testid=conflict-field]")).ToContainTextAsync("ประสานงานผ่านคณะสถาปัตยกรรมศาสตร์");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("organization-save-conflict"), FullPage = true });
        Assert.Equal("ประสานงานผ่านคณะสถาปัตยกรรมศาสตร์", await NotesAsync(id));

        await admin.ClickAsync("[data-testid=conflict-mine]");
        await admin.WaitForURLAsync($"**/organizations/{id}");
        Assert.Equal("Contact through the president's office", await NotesAsync(id));
        Assert.Empty(consoleErrors);
    }

    private Task<string?> NotesAsync(int id) => server.QueryAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Notes).SingleAsync());
}
