using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.DemoData;
using Portal.Features.Meetings;
using Portal.Localization;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// Every page on a 360 px phone in each role and both languages, tables as cards, the print preview's viewport, and
/// numbers and English words that never break inside.
/// </summary>
[Collection(nameof(ServerCollection))]
public class PhoneLayoutTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Roles.Staff, Roles.Coordinator, Roles.Partner, Roles.Admin })
            foreach (var culture in PortalCultures.Supported)
                data.Add(role, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task No_page_is_wider_than_a_360_px_phone(string role, string culture)
    {
        var records = await RecordsAsync();
        // An account of its own: the authenticator page gives an account a key, which must not touch the demo accounts.
        var email = await server.NewAccountAsync(role, role == Roles.Partner ? "WB" : null);
        var page = await browser.SignInAsAsync(server, email, consoleErrors, width: 360);
        await Browser.GoToAsync(page, $"/culture/set?culture={culture}&redirectUri=%2F");

        var tooWide = new List<string>();
        var visited = 0;
        foreach (var path in PagesFor(role, records))
        {
            await OpenAsync(page, path);
            await AddIfTooWideAsync(page, path, tooWide);
            visited++;
            if (path == $"/organizations/{records.WorldBank}" && role == Roles.Staff)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"phone-organization-{culture}"), FullPage = true });
            if (path == "/meetings")
            {
                await page.Locator("[data-testid=view-toggle]").GetByText(BilingualText.Get("Meeting.CalendarView", CultureInfo.GetCultureInfo(culture))).ClickAsync();
                await page.Locator("[data-testid=month-title]").WaitForAsync();
                await AddIfTooWideAsync(page, "/meetings (month calendar)", tooWide);
            }
            if (path == $"/meetings/{records.Draft}")
            {
                // The editors open in place on a draft: the particulars, a new attendee and a new agenda item.
                foreach (var button in new[] { "edit-particulars", "add-attendee", "add-agenda-item" })
                    await page.ClickAsync($"[data-testid={button}]");
                await page.Locator("[data-testid=save]").First.WaitForAsync();
                await AddIfTooWideAsync(page, path + " (editors open)", tooWide);
            }
        }

        Assert.True(tooWide.Count == 0, $"{role}, {culture}: {tooWide.Count} of {visited} pages are wider than 360 px:\n" + string.Join("\n", tooWide));

        // The app bar: the short title on one line, and every control on one line inside the window.
        await OpenAsync(page, "/");
        await Expect(page.Locator("[data-testid=app-title]")).ToHaveTextAsync(
            BilingualText.Get("App.ShortName", CultureInfo.GetCultureInfo(culture)), new LocatorAssertionsToHaveTextOptions { UseInnerText = true });
        var controls = page.Locator("header [data-testid=app-title], header a, header button");
        for (var i = 0; i < await controls.CountAsync(); i++)
        {
            var control = controls.Nth(i);
            // A control hidden at this width (the language switch: the account menu offers it on a phone) takes no room.
            if (await control.BoundingBoxAsync() is not { } box) continue;
            var text = await control.InnerTextAsync();
            Assert.True(box.X >= 0 && box.X + box.Width <= 360, $"\"{text}\" in the app bar spans {box.X}–{box.X + box.Width}, outside the 360 px window.");
            var lines = await control.EvaluateAsync<int>("""
                e => {
                    const boxes = [];
                    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const range = document.createRange();
                        range.selectNodeContents(node);
                        boxes.push(...[...range.getClientRects()].filter(b => b.width > 0 && b.height > 0));
                    }
                    boxes.sort((a, b) => a.top - b.top);
                    let lines = 0, bottom = -Infinity;
                    for (const box of boxes) if (box.top >= bottom - 2) { lines++; bottom = box.bottom; }
                    return lines;
                }
                """);
            Assert.True(lines <= 1, $"\"{text}\" in the app bar takes {lines} lines.");
        }
    }

    [Theory]
    [InlineData(PortalCultures.Thai)]
    [InlineData(PortalCultures.English)]
    public async Task Action_item_tables_are_cards_on_a_phone_with_their_labels_and_the_whole_status_chip(string culture)
    {
        var records = await RecordsAsync();
        var language = CultureInfo.GetCultureInfo(culture);
        string[] labels = [.. new[] { "ActionItem.Title", "ActionItem.Owners", "ActionItem.DueDate", "ActionItem.Status" }.Select(key => BilingualText.Get(key, language))];
        var staff = await browser.SignInAsync(server, Roles.Staff, consoleErrors, width: 375);
        await Browser.GoToAsync(staff, $"/culture/set?culture={culture}&redirectUri=%2F");

        await OpenAsync(staff, "/");
        await AssertCardsAsync(staff, "[data-testid=action-item-table]", labels);
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"phone-dashboard-{culture}"), FullPage = true });
        await OpenAsync(staff, $"/meetings/{records.Workshop}");
        await AssertCardsAsync(staff, "[data-testid=action-item-table]", labels);
        await OpenAsync(staff, $"/organizations/{records.WorldBank}");
        await AssertCardsAsync(staff, "[data-testid=action-item-table]", labels);
        await OpenAsync(staff, "/action-items");
        await AssertCardsAsync(staff, "[data-testid=action-item-list]", [.. labels, BilingualText.Get("ActionItem.Priority", language)]);
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"phone-action-items-{culture}"), FullPage = true });

        var partner = await browser.SignInAsync(server, Roles.Partner, consoleErrors, width: 375);
        await Browser.GoToAsync(partner, $"/culture/set?culture={culture}&redirectUri=%2Fmeetings%2F{records.Workshop}");
        await AssertCardsAsync(partner, "[data-testid=action-item-table]", labels);
        await partner.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"phone-partner-meeting-{culture}") });
    }

    [Fact]
    public async Task The_print_preview_is_laid_out_for_the_phone_it_is_read_on()
    {
        var records = await RecordsAsync();
        var signedIn = await browser.SignInAsync(server, Roles.Staff, consoleErrors, width: 375);
        // A phone honours the viewport meta (a desktop browser, like the printer, ignores it): without one it lays the
        // page out 980 px wide and shrinks it to a third.
        await using var phone = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            ViewportSize = new ViewportSize { Width = 375, Height = 740 }, StorageState = await signedIn.Context.StorageStateAsync(),
        });
        var page = await phone.NewPageAsync();
        foreach (var language in new[] { "th", "en", "bilingual" })
        {
            var response = await page.GotoAsync($"/meetings/{records.Workshop}/minutes?lang={language}");
            Assert.Equal(200, response!.Status);
            var layout = await page.EvaluateAsync<double[]>(
                "[document.documentElement.clientWidth, document.documentElement.scrollWidth, window.visualViewport.scale, parseFloat(getComputedStyle(document.body).fontSize)]");
            Assert.True(layout[0] == 375, $"{language}: the preview is laid out {layout[0]} px wide on a 375 px phone.");
            Assert.True(layout[1] <= 375, $"{language}: the preview is {layout[1]} px wide, it scrolls sideways.");
            Assert.Equal(1.0, layout[2], 2);
            Assert.True(layout[3] >= 15, $"{language}: body text is {layout[3]} px.");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"phone-minutes-preview-{language}") });
        }
    }

    [Theory]
    [InlineData(375)]
    [InlineData(800)]
    [InlineData(1280)]
    public async Task Numbers_and_English_words_in_tables_never_break_inside(int width)
    {
        var records = await RecordsAsync();
        var page = await browser.SignInAsync(server, Roles.Staff, consoleErrors, width);
        await Browser.GoToAsync(page, $"/culture/set?culture={PortalCultures.English}&redirectUri=%2Fmeetings%2F{records.Workshop}");
        await page.Locator("[data-testid=attendee-row]").First.WaitForAsync();
        // Row 10 onwards: "10" was printed as "1" over "0" when the table squeezed the number column.
        var numbers = page.Locator("[data-testid=attendee-row] td.attendee-number");
        Assert.True(await numbers.CountAsync() >= 10);
        foreach (var broken in await BrokenWordsAsync(page, "[data-testid=attendees]"))
            Assert.Fail($"At {width} px \"{broken}\" breaks across lines in the attendance table.");
        Assert.Empty(await BrokenWordsAsync(page, "[data-testid=action-item-table]"));
        Assert.Empty(await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => getComputedStyle(e).hyphens === 'auto').map(e => e.tagName)"));

        await OpenAsync(page, "/action-items");
        Assert.Empty(await BrokenWordsAsync(page, "[data-testid=action-item-list]"));
        await OpenAsync(page, "/");
        Assert.Empty(await BrokenWordsAsync(page, "main, .mud-main-content"));
    }

    private sealed record Records(int Workshop, int WorkshopVersion, int Visit, int Draft, int WorldBank, int Person, int WorldBankItem, int Series);

    private const string DraftTitleEn = "Phone layout check";
    private static readonly SemaphoreSlim draftLock = new(1, 1);

    /// <summary>The demo records the pages show, and a draft meeting (in 2023, away from every other test's month) to edit.</summary>
    private async Task<Records> RecordsAsync()
    {
        var workshop = await server.WorkshopIdAsync();
        var version = await server.QueryAsync(db => db.ApprovedMinutes.Where(a => a.MeetingId == workshop).MaxAsync(a => a.Version));
        var visit = await server.QueryAsync(db => db.Meetings.Where(m => m.Id != workshop && m.TitleEn != DraftTitleEn).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var worldBank = await server.QueryAsync(db => db.Organizations.Where(o => o.Acronym == "WB").Select(o => o.Id).SingleAsync());
        var person = await server.QueryAsync(db => db.People.Where(p => p.OrganizationId == worldBank).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var item = await server.QueryAsync(db => db.ActionItems.Where(i => i.TitleEn == DemoActionItems.WorldBankReportTitleEn).Select(i => i.Id).SingleAsync());
        var series = await server.QueryAsync(db => db.Meetings.Where(m => m.Id == workshop).Select(m => m.SeriesId!.Value).SingleAsync());
        return new Records(workshop, version, visit, await DraftAsync(worldBank), worldBank, person, item, series);
    }

    private async Task<int> DraftAsync(int host)
    {
        await draftLock.WaitAsync();
        try
        {
            var existing = await server.QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DraftTitleEn).Select(m => (int?)m.Id).FirstOrDefaultAsync());
            if (existing is { } id)
                return id;
            var saved = await server.AsDemoUserAsync(Roles.Staff, services => services.GetRequiredService<MeetingService>().SaveAsync(null, new MeetingForm
            {
                // The longest English kind and month name: the meetings tables of the host and its people must still fit a phone.
                Kind = MeetingKind.CourtesyVisit, TitleTh = "ทดสอบหน้าจอโทรศัพท์", TitleEn = DraftTitleEn,
                Date = new DateTime(2023, 9, 27), StartTime = new TimeSpan(9, 30, 0), HostOrganizationId = host,
                RoomTh = "ห้องประชุมใหญ่", RoomEn = "Main meeting room",
            }));
            return saved.Id ?? throw new InvalidOperationException("The draft meeting was not saved.");
        }
        finally
        {
            draftLock.Release();
        }
    }

    /// <summary>Every page the role may open, with the demo records in them.</summary>
    private static IEnumerable<string> PagesFor(string role, Records r)
    {
        var editor = Policies.EditorRoles.Contains(role);
        var internalUser = Policies.InternalRoles.Contains(role);
        yield return "/";
        yield return "/meetings";
        yield return $"/meetings/{r.Workshop}";
        yield return $"/meetings/{r.Workshop}/minutes?lang=th";
        yield return $"/meetings/{r.Workshop}/minutes?lang=en";
        yield return $"/meetings/{r.Workshop}/minutes?lang=bilingual";
        yield return $"/meetings/{r.Workshop}/minutes/versions/{r.WorkshopVersion}";
        yield return "/action-items";
        yield return $"/action-items/{r.WorldBankItem}";
        if (internalUser)
        {
            yield return $"/meetings/{r.Visit}";
            yield return "/organizations";
            yield return $"/organizations/{r.WorldBank}";
            yield return "/people";
            yield return $"/people/{r.Person}";
            yield return "/series";
            yield return $"/series/{r.Series}";
        }
        if (editor)
        {
            yield return "/meetings/new";
            yield return $"/meetings/new?series={r.Series}";
            yield return "/series/new";
            yield return $"/series/{r.Series}/edit";
            yield return $"/meetings/{r.Draft}";
            yield return "/organizations/new";
            yield return $"/organizations/{r.WorldBank}/edit";
            yield return "/people/new";
            yield return $"/people/{r.Person}/edit";
            yield return "/action-items/new";
            yield return $"/action-items/{r.WorldBankItem}/edit";
        }
        if (role == Roles.Admin)
        {
            yield return "/admin/users";
            yield return "/admin/audit";
        }
        foreach (var manage in new[] { "", "/ChangePassword", "/TwoFactorAuthentication", "/Passkeys", "/PersonalData", "/EnableAuthenticator" })
            yield return "/Account/Manage" + manage;
    }

    /// <summary>Opens a page and waits until it shows its data: the circuit is live (portal pages) and nothing is loading.</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}.");
        if (!path.StartsWith("/Account/", StringComparison.Ordinal) && !path.Contains("/minutes?", StringComparison.Ordinal))
            await Browser.WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear, .mud-table-loading')");
        await page.WaitForTimeoutAsync(200); // a table's rows arrive just after its loading bar goes

    }

    /// <summary>
    /// The page fits when nothing makes it scroll sideways and no element reaches past the window's right edge, except inside
    /// a box that itself fits and clips or scrolls it; a box that does scroll sideways inside the page is named too.
    /// </summary>
    private const string WiderThanWindow = """
        () => {
            const width = document.documentElement.clientWidth;
            const name = e => e.tagName.toLowerCase() + (e.dataset.testid ? `[${e.dataset.testid}]` : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
            const inFittingBox = e => {
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
                    if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1) return true;
                return false;
            };
            const found = [];
            if (document.documentElement.scrollWidth > window.innerWidth) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
            for (const e of document.body.querySelectorAll('*')) {
                const box = e.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== 'fixed' && !inFittingBox(e))
                    found.push(`${name(e)} reaches ${Math.round(box.right)} px`);
                const overflow = getComputedStyle(e).overflowX;
                if ((overflow === 'auto' || overflow === 'scroll') && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
                    found.push(`${name(e)} scrolls sideways (${e.scrollWidth} px in ${e.clientWidth})`);
            }
            return found.slice(0, 6).join('; ');
        }
        """;

    private static async Task AddIfTooWideAsync(IPage page, string what, List<string> tooWide)
    {
        var found = await page.EvaluateAsync<string>(WiderThanWindow);
        if (found.Length > 0)
            tooWide.Add($"{what}: {found}");
    }

    private static Task<double> LineHeightAsync(ILocator element) =>
        element.EvaluateAsync<double>("e => { const s = getComputedStyle(e); return s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.2 : parseFloat(s.lineHeight); }");

    /// <summary>
    /// A table shown as cards: no header row, every cell labelled with its column (the label shown beside the value), every
    /// card inside the window and the status chips whole, not cut by the window or by a box around them.
    /// </summary>
    private static async Task AssertCardsAsync(IPage page, string table, string[] labels)
    {
        var cards = page.Locator(table).First;
        await cards.Locator("tbody tr").First.WaitForAsync();
        var problems = await cards.EvaluateAsync<string[]>("""
            (table, labels) => {
                const width = document.documentElement.clientWidth;
                const problems = [];
                const head = table.querySelector('thead');
                if (head && head.getBoundingClientRect().height > 0) problems.push('the header row is shown');
                const rows = [...table.querySelectorAll('tbody tr')];
                const shown = new Set();
                for (const row of rows) {
                    const box = row.getBoundingClientRect();
                    if (box.left < 0 || box.right > width + 0.5) problems.push(`a card spans ${box.left}–${box.right}`);
                    for (const cell of row.querySelectorAll('td')) {
                        const label = getComputedStyle(cell, '::before');
                        const text = label.content.replace(/^"|"$/g, '');
                        if (label.display === 'none' || label.visibility === 'hidden' || text === '' || text === 'none') problems.push(`a cell shows no label: ${cell.textContent.trim().slice(0, 30)}`);
                        else shown.add(text);
                    }
                }
                for (const label of labels) if (!shown.has(label)) problems.push(`no cell is labelled "${label}" (labels: ${[...shown].join(', ')})`);
                const chips = [...table.querySelectorAll('[data-testid=action-status], [data-testid=overdue]')];
                if (chips.length === 0) problems.push('no status chip');
                for (const chip of chips) {
                    const box = chip.getBoundingClientRect();
                    let right = width;
                    for (let p = chip.parentElement; p; p = p.parentElement)
                        if (getComputedStyle(p).overflowX !== 'visible') right = Math.min(right, p.getBoundingClientRect().right);
                    if (box.left < 0 || box.right > right + 0.5 || chip.scrollWidth > chip.clientWidth + 1)
                        problems.push(`the chip "${chip.textContent.trim()}" spans ${Math.round(box.left)}–${Math.round(box.right)}, visible up to ${Math.round(right)}`);
                }
                if (rows.length === 0) problems.push('no cards');
                return problems.slice(0, 6);
            }
            """, labels);
        Assert.True(problems.Length == 0, $"{page.Url} {table}: " + string.Join("; ", problems));
    }

    /// <summary>The Latin words and numbers inside <paramref name="selector"/> that the layout split over two lines.</summary>
    private static Task<string[]> BrokenWordsAsync(IPage page, string selector) => page.EvaluateAsync<string[]>("""
        selector => {
            const broken = [];
            for (const root of document.querySelectorAll(selector)) {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (!node.parentElement || node.parentElement.getClientRects().length === 0) continue;
                    for (const word of node.data.matchAll(/[A-Za-z0-9]+/g)) {
                        const range = document.createRange();
                        range.setStart(node, word.index);
                        range.setEnd(node, word.index + word[0].length);
                        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (lines.size > 1) broken.push(word[0]);
                    }
                }
            }
            return broken;
        }
        """, selector);
}
