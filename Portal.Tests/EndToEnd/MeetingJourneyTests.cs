using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

[Collection(nameof(ServerCollection))]
public class MeetingJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    private Task<IPage> SignInAsync(string role, int width = 1280) => browser.SignInAsync(server, role, consoleErrors, width);

    [Fact]
    public async Task Staff_records_a_meeting_with_an_attendee_and_an_agenda_item_and_a_coordinator_approves_the_minutes()
    {
        var page = await SignInAsync(Roles.Staff);
        await Browser.GoToAsync(page, "/meetings/new");
        // Forms focus their first field once interactive; typing elsewhere before that would be moved into it.
        await Expect(Browser.Field(page, "title-th")).ToBeFocusedAsync();
        await Browser.Field(page, "title-th").FillAsync("ประชุมหารือระบบขนส่งมวลชน");
        await Browser.Field(page, "title-en").FillAsync("Consultation on mass transit");
        await Browser.Field(page, "date").FillAsync("15/8/2567");
        await Browser.Field(page, "date").PressAsync("Tab");
        await Browser.Field(page, "number").FillAsync("4");
        // The host is found by what people call it: an alias with or without its dots, an acronym.
        await Browser.Field(page, "host").FillAsync("มข");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("มหาวิทยาลัยขอนแก่น");
        await Browser.PickOrganizationAsync(page, "host", "KKTT", "บริษัท ขอนแก่นพัฒนาเมือง จำกัด");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid=save]");

        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync("ประชุมหารือระบบขนส่งมวลชน");
        await Expect(page.Locator("[data-testid=meeting-date]")).ToContainTextAsync("15 สิงหาคม 2567");
        await Expect(page.Locator("[data-testid=meeting-number]")).ToHaveTextAsync("ครั้งที่ 4/2567");

        await page.ClickAsync("[data-testid=add-attendee]");
        await Browser.Field(page, "person-search").FillAsync("เมลินดา");
        await page.Locator("[data-testid=person-results] .mud-list-item").First.ClickAsync();
        await Expect(page.Locator("[data-testid=picked-person]")).ToContainTextAsync("เมลินดา กู๊ด");
        await Browser.ChooseAsync(page, "attendee-role", "ผู้นำเสนอ");
        await page.ClickAsync("[data-testid=attendee-save]");
        await Expect(page.Locator("[data-testid=attendee-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=attendee-row]")).ToContainTextAsync("ผู้นำเสนอ");
        await Expect(page.Locator("[data-testid=tally]")).ToHaveTextAsync("1 คน จาก 1 หน่วยงาน");

        await page.ClickAsync("[data-testid=add-agenda-item]");
        await Expect(Browser.Field(page, "topic-th")).ToBeFocusedAsync();
        await Browser.Field(page, "topic-th").FillAsync("รายงานความคืบหน้า");
        await Browser.Field(page, "topic-en").FillAsync("Progress report");
        await Browser.Field(page, "discussion-th").FillAsync(
            "ที่ประชุม**รับทราบ** <script>alert('xss')</script> [คลิก](javascript:alert(1)) <img src=x onerror=alert(2)>");
        await Browser.Field(page, "resolution-th").FillAsync("ที่ประชุมรับทราบ");
        await page.ClickAsync("[data-testid=agenda-save]");
        var item = page.Locator("[data-testid=agenda-item]");
        await Expect(item).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("meeting-draft"), FullPage = true });
        await Expect(item).ToContainTextAsync("ระเบียบวาระที่ 1");
        await Expect(item.Locator("strong", new LocatorLocatorOptions { HasText = "รับทราบ" })).ToHaveCountAsync(1);
        // Typed markup is shown as text or dropped, never run: no script element, no javascript: link, no event handler.
        Assert.Equal(0, await item.Locator("script, img, [onerror]").CountAsync());
        Assert.Equal(0, await item.Locator("a[href^='javascript']").CountAsync());

        await page.Locator("[data-testid=attachment-input]").SetInputFilesAsync(new FilePayload
        {
            Name = "ใบลงชื่อ.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%%EOF\n"u8.ToArray(),
        });
        await Expect(page.Locator("[data-testid=attachment-link]")).ToHaveTextAsync("ใบลงชื่อ.pdf");
        await page.Locator("[data-testid=attachment-input]").SetInputFilesAsync(new FilePayload
        {
            Name = "virus.pdf", MimeType = "application/pdf", Buffer = "MZ\u0090\u0000"u8.ToArray(),
        });
        await Expect(page.Locator("[data-testid=attachment-error]")).ToContainTextAsync("เนื้อหาไฟล์ไม่ตรงกับประเภทไฟล์");

        await page.ClickAsync("[data-testid=minutes-SubmitForReview]");
        await page.ClickAsync("[data-testid=submit-confirm]");
        // Submitting builds the whole minutes document; on a busy machine that can take longer than an assertion's default 5 s.
        await Expect(page.Locator("[data-testid=minutes-panel]")).ToContainTextAsync("รอตรวจ", new() { Timeout = 20000 });
        // In review nothing can be edited.
        await Expect(page.Locator("[data-testid=add-agenda-item]")).ToHaveCountAsync(0);
        var meetingUrl = page.Url;

        var coordinator = await SignInAsync(Roles.Coordinator);
        await Browser.GoToAsync(coordinator, meetingUrl);
        await coordinator.ClickAsync("[data-testid=minutes-Approve]");
        await coordinator.Locator(".mud-dialog button", new PageLocatorOptions { HasText = "รับรองรายงานการประชุม" }).ClickAsync();
        await Expect(coordinator.Locator("[data-testid=minutes-panel]")).ToContainTextAsync("รับรองแล้ว");
        await Expect(coordinator.Locator("[data-testid=minutes-versions]")).ToContainTextAsync("ฉบับที่ 1");
        await Expect(coordinator.Locator("[data-testid=minutes-versions]")).ToContainTextAsync("Coordinator (demo)");
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("meeting-approved"), FullPage = true });

        await coordinator.Locator("[data-testid=minutes-versions] a").First.ClickAsync();
        await Expect(coordinator.FrameLocator("[data-testid=minutes]").Locator("body")).ToContainTextAsync("รายงานการประชุม ประชุมหารือระบบขนส่งมวลชน");
        await Expect(coordinator.FrameLocator("[data-testid=minutes]").Locator("body")).ToContainTextAsync("เมลินดา กู๊ด");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_demo_workshop_shows_its_19_organizations_agenda_and_related_activities()
    {
        var page = await SignInAsync(Roles.Coordinator);
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=overdue-count]")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("dashboard-coordinator"), FullPage = true });
        await Browser.GoToAsync(page, "/meetings");
        await Browser.Field(page, "search").FillAsync("ไอยรา");
        await page.WaitForURLAsync("**/meetings?*q=*");
        var table = page.Locator("[data-testid=meeting-table]");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await table.Locator("a").First.ClickAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync("ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น");
        await Expect(page.Locator("[data-testid=tally]")).ToHaveTextAsync("19 คน จาก 19 หน่วยงาน");
        await Expect(page.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=related] li")).ToHaveCountAsync(5);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("meeting-workshop-th"), FullPage = true });
        await page.ClickAsync("[data-testid=print-menu] button");
        await Expect(page.Locator("[data-testid=print-bilingual]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"minutes\.pdf\?lang=bilingual$"));
        await page.Keyboard.PressAsync("Escape");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=ics]"));
        Assert.EndsWith(".ics", download.SuggestedFilename);
        Assert.Contains("BEGIN:VEVENT", await File.ReadAllTextAsync((await download.PathAsync())!));

        await Browser.GoToAsync(page, "/meetings");
        await Browser.Field(page, "filter-year").FillAsync("2567");
        await page.WaitForURLAsync("**/meetings?*year=*");   // the filter is in the address once the list has it
        await page.ClickAsync("[data-testid=view-toggle] >> text=ปฏิทิน");
        // The calendar opens at the latest month of 2567 with a meeting (other tests add meetings to the shared database).
        await Expect(page.Locator("[data-testid=month-title]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(" 2567$"));
        await Browser.GoToAsync(page, "/meetings?view=calendar&month=2024-07");
        await Expect(page.Locator("[data-testid=month-title]")).ToHaveTextAsync("กรกฎาคม 2567");
        await Expect(page.Locator("[data-testid=month-grid] a.meeting")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("meetings-calendar"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_workshop_reads_well_on_a_phone_and_in_English()
    {
        var page = await SignInAsync(Roles.Staff, width: 390);
        await Browser.GoToAsync(page, "/culture/set?culture=en-US&redirectUri=%2Fmeetings");
        await Browser.Field(page, "search").FillAsync("Aiyara");
        await page.WaitForURLAsync("**/meetings?*q=Aiyara*");   // the search is in the address once the list has it
        await page.Locator("[data-testid=meeting-table] a", new PageLocatorOptions { HasText = "Infrastructure Potential" }).First.ClickAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync("Infrastructure Potential for Developing Khon Kaen Smart City");
        await Expect(page.Locator("[data-testid=tally]")).ToHaveTextAsync("19 people from 19 organizations");
        await Expect(page.Locator("[data-testid=meeting-date]")).ToHaveTextAsync("Wednesday 31 July 2024");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The meeting page scrolls sideways on a phone.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("meeting-workshop-en-phone") });
        await page.Locator("[data-testid=attendee-row]").Nth(1).ScreenshotAsync(new LocatorScreenshotOptions { Path = Browser.ScreenshotPath("meeting-attendee-en-phone") });
        Assert.Empty(consoleErrors);
    }
}
