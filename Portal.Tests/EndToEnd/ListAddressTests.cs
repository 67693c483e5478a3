using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>Search, filters, the list or calendar and the month shown live in the address: a reload, a shared link and Back show the same view.</summary>
[Collection(nameof(ServerCollection))]
public class ListAddressTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task The_meetings_calendar_its_month_and_the_filters_survive_a_reload_a_shared_link_and_Back()
    {
        var page = await browser.SignInAsync(server, Roles.Coordinator, problems);
        await Browser.GoToAsync(page, "/meetings");

        await Browser.Field(page, "filter-year").FillAsync("2567");
        await Expect(page).ToHaveURLAsync(new Regex(@"year=2567"));
        await page.Locator("[data-testid=view-toggle]").GetByText("ปฏิทิน").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"view=calendar"));
        var title = page.Locator("[data-testid=month-title]");
        // With a filter the calendar opens on the month of the latest meeting it finds.
        await Expect(title).ToContainTextAsync("2567");
        var filteredMonth = await title.TextContentAsync();

        await page.ClickAsync("[data-testid=previous-month]");
        await Expect(title).Not.ToHaveTextAsync(filteredMonth!);
        await Expect(page).ToHaveURLAsync(new Regex(@"month=\d{4}-\d{2}"));
        var earlierMonth = await title.TextContentAsync();

        await page.ReloadAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Expect(title).ToHaveTextAsync(earlierMonth!);
        await Expect(Browser.Field(page, "filter-year")).ToHaveValueAsync("2567");

        var shared = await page.Context.NewPageAsync();
        await Browser.GoToAsync(shared, page.Url);
        await Expect(shared.Locator("[data-testid=month-title]")).ToHaveTextAsync(earlierMonth!);
        await shared.CloseAsync();

        await page.GoBackAsync();
        await Expect(title).ToHaveTextAsync(filteredMonth!);
        await page.GoBackAsync();
        await Expect(page.Locator("[data-testid=meeting-table]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=month-grid]")).ToHaveCountAsync(0);
        await Expect(Browser.Field(page, "filter-year")).ToHaveValueAsync("2567");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Action_item_filters_survive_a_reload_and_Back_returns_to_the_list_before_them()
    {
        var page = await browser.SignInAsync(server, Roles.Staff, problems);
        await Browser.GoToAsync(page, "/action-items");
        var rows = page.Locator("[data-testid=action-item-list] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var all = await rows.CountAsync();

        await Browser.Field(page, "filter-active").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"active=true"));
        await Browser.Field(page, "search").FillAsync("CMKL");
        await Expect(page).ToHaveURLAsync(new Regex(@"q=CMKL"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=export-csv]")).ToHaveAttributeAsync("href", new Regex(@"q=CMKL.*active=true"));

        await page.ReloadAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Expect(Browser.Field(page, "search")).ToHaveValueAsync("CMKL");
        await Expect(Browser.Field(page, "filter-active")).ToBeCheckedAsync();
        await Expect(rows).ToHaveCountAsync(1);

        // Typing replaced the address rather than adding a step per pause: Back leaves both the search and the filter.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/action-items$"));
        await Expect(Browser.Field(page, "filter-active")).Not.ToBeCheckedAsync();
        await Expect(Browser.Field(page, "search")).ToHaveValueAsync("");
        await Expect(rows).ToHaveCountAsync(all);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_register_search_is_in_the_link_it_is_shared_by()
    {
        var page = await browser.SignInAsync(server, Roles.Staff, problems);
        await Browser.GoToAsync(page, "/people");
        await Browser.Field(page, "search").FillAsync("เมลินดา");
        await Expect(page).ToHaveURLAsync(new Regex(@"q=%E0%B9%80"));
        var rows = page.Locator("[data-testid=person-table] tbody tr");
        await Expect(rows.First).ToContainTextAsync("เมลินดา");
        var count = await rows.CountAsync();

        var shared = await page.Context.NewPageAsync();
        await Browser.GoToAsync(shared, page.Url);
        await Expect(Browser.Field(shared, "search")).ToHaveValueAsync("เมลินดา");
        await Expect(shared.Locator("[data-testid=person-table] tbody tr")).ToHaveCountAsync(count);

        await Browser.GoToAsync(page, "/organizations?q=" + Uri.EscapeDataString("ธนาคารโลก"));
        await Expect(Browser.Field(page, "search")).ToHaveValueAsync("ธนาคารโลก");
        await Expect(page.Locator("[data-testid=organization-table] tbody tr")).ToHaveCountAsync(1);
        Assert.Empty(problems);
    }
}
