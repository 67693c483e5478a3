using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.Organizations;
using Portal.Features.People;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// A coordinator sends the approved minutes from the meeting page through a real SMTP server (smtp4dev, started by
/// ./test.sh): the preview names the recipients and their languages and who is skipped, progress shows, the receipts list
/// shows what the server said; the World Bank's partner then finds the new minutes on its dashboard and opens them.
/// </summary>
public sealed class DistributionJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private PortalServer server = null!;
    private readonly HttpClient smtp4dev = new();
    private readonly List<string> problems = [];

    public Task InitializeAsync()
    {
        var smtp = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP");
        var api = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP_API");
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(api) || smtp.Split(':') is not [var host, var port])
            throw new InvalidOperationException("PORTAL_TEST_SMTP (host:port) and PORTAL_TEST_SMTP_API are not set: run through ./test.sh or source scripts/smtp4dev.sh; start_smtp4dev.");
        smtp4dev.BaseAddress = new Uri(api.TrimEnd('/') + "/");
        server = new PortalServer(new Dictionary<string, string> { ["Portal:Smtp:Host"] = host, ["Portal:Smtp:Port"] = port });
        server.Services.GetRequiredService<IConfiguration>()["Portal:PublicUrl"] = server.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        smtp4dev.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_sends_the_approved_minutes_sees_the_receipts_and_the_partner_finds_them_on_its_dashboard()
    {
        // First, before this test adds anyone: the workshop's receipts (demo data: every outcome) at both widths in both languages.
        var workshop = await server.WorkshopIdAsync();
        foreach (var (width, language) in new[] { (1280, "th"), (375, "th"), (1280, "en"), (375, "en") })
        {
            var page = await browser.SignInAsync(server, Roles.Staff, problems, width);
            if (language == "en")
                await page.GotoAsync($"/culture/set?culture=en-US&redirectUri=%2Fmeetings%2F{workshop}");
            await Browser.GoToAsync(page, $"/meetings/{workshop}");
            await Expect(page.Locator("[data-testid=receipt]").First).ToBeVisibleAsync();
            // Counted by where each recipient stands now: one per row, however many attempts.
            await Expect(page.Locator("[data-testid=count-Accepted]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=count-Refused]")).ToBeVisibleAsync();
            var counted = 0;
            foreach (var chip in await page.Locator("[data-testid=receipt-counts] .mud-chip").AllInnerTextsAsync())
                counted += int.Parse(chip.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(await page.Locator("[data-testid=receipt]").CountAsync(), counted);
            // Every state is in the demo's history; a timeout reads as a failure with its reason, the unsent one as not tried.
            var thai = language == "th";
            var timedOut = page.Locator("[data-testid=receipt-attempt]", new PageLocatorOptions { HasText = "did not answer" });
            await Expect(timedOut.Filter(new LocatorFilterOptions { HasText = thai ? "ส่งไม่สำเร็จ · หมดเวลารอ: เซิร์ฟเวอร์อีเมลไม่ตอบ" : "Failed · Timed out: the mail server did not answer" })).ToHaveCountAsync(1);
            await Expect(timedOut.Filter(new LocatorFilterOptions { HasText = thai ? "ยังไม่ได้ลองส่ง: เซิร์ฟเวอร์อีเมลไม่ตอบ" : "Not tried: mail server down" })).ToHaveCountAsync(1);
            // The World Bank's director was sent the English minutes.
            var melinda = page.Locator("[data-testid=receipt]", new PageLocatorOptions { HasText = "melinda.good@wb.demo" });
            await Expect(melinda).ToContainTextAsync(thai ? "ฉบับที่ 1 ภาษาอังกฤษ" : "Version 1, English");
            await Expect(melinda.Locator("[data-testid=receipt-outcome]")).ToContainTextAsync(thai ? "ส่งถึงเซิร์ฟเวอร์แล้ว" : "Accepted");
            await Expect(melinda.Locator("[data-testid=resend]")).ToHaveAttributeAsync("aria-label", new Regex((thai ? "^ส่งอีกครั้งถึง " : "^Send again to ") + ".*Melinda Good$"));
            if (width == 1280)
            {
                // Everyone has it: the preview says nobody is left, still lists who got it, and names each stand-in's organization once.
                await page.ClickAsync("[data-testid=distribute-minutes]");
                await Expect(page.Locator("[data-testid=distribution-summary]")).ToContainTextAsync(thai ? "ไม่มีผู้รับที่ต้องส่ง" : "There is nobody left to send version 1 to");
                await Expect(page.Locator(".mud-dialog-title")).ToHaveTextAsync(thai ? "ผู้ที่ได้รับรายงานการประชุมแล้ว" : "Who has received the minutes");
                Assert.Equal(0, await page.Locator("[data-testid=distribution-confirm]").CountAsync());
                var standIns = page.Locator("[data-testid=distribution-recipient]", new PageLocatorOptions { HasText = thai ? "ผู้แทน" : "Representative of" });
                Assert.True(await standIns.CountAsync() > 0, "the workshop lists no stand-in");
                foreach (var row in await standIns.AllInnerTextsAsync())
                {
                    var organization = row.Split('\n', '\t')[0].Replace(thai ? "ผู้แทน" : "Representative of", "").Trim();
                    Assert.True(row.Split(organization).Length == 2, $"the organization is named more than once: {row}");
                }
                await page.Locator(".mud-dialog").ScreenshotAsync(new LocatorScreenshotOptions { Path = Browser.ScreenshotPath($"distribution-nobody-left-{language}") });
                await page.ClickAsync("[data-testid=distribution-close]");
            }
            Assert.True(await page.EvaluateAsync<bool>($"document.documentElement.scrollWidth <= {width}"), $"the page scrolls sideways at {width} px");
            await page.Locator("[data-testid=distribution]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Browser.ScreenshotPath($"distribution-workshop-{width}-{language}") });
            await page.Context.CloseAsync();
        }
        var run = Guid.NewGuid().ToString("N")[..8];
        var address = $"anna-{run}@worldbank.example";
        var meetingId = await server.QueryAsync(async db =>
        {
            var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
            var worldBank = await db.Organizations.SingleAsync(o => o.Acronym == "WB");
            var anna = db.People.Add(new Person { GivenNameTh = "แอนนา", FamilyNameTh = "ทดสอบ", GivenNameEn = "Anna", FamilyNameEn = "Test" + run, Honorific = Honorific.Ms, Email = address, Organization = worldBank }).Entity;
            var somchai = db.People.Add(new Person { GivenNameTh = "สมชาย", FamilyNameTh = "ไม่มีอีเมล" + run, GivenNameEn = "Somchai", FamilyNameEn = "NoEmail", Honorific = Honorific.Mr, Organization = kktt }).Entity;
            var meeting = db.Meetings.Add(new Meeting
            {
                TitleTh = "ประชุมติดตามโครงการ " + run, TitleEn = "Project follow-up " + run, Kind = MeetingKind.Consultation,
                Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-2), StartTime = new TimeOnly(10, 0), HostOrganizationId = kktt.Id,
                Attendees =
                [
                    new Attendee { Person = somchai, Organization = kktt, Role = AttendeeRole.Chair, Status = AttendanceStatus.Present },
                    new Attendee { Person = anna, Organization = worldBank, Role = AttendeeRole.Participant, Status = AttendanceStatus.Present },
                ],
            }).Entity;
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        Assert.True((await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.SubmitForReview))).IsValid);
        Assert.True((await server.AsDemoUserAsync(Roles.Coordinator, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.Approve))).IsValid);

        var coordinator = await browser.SignInAsync(server, Roles.Coordinator, problems);
        await Browser.GoToAsync(coordinator, $"/meetings/{meetingId}");
        await Expect(coordinator.Locator("[data-testid=receipts-none]")).ToBeVisibleAsync();
        await coordinator.ClickAsync("[data-testid=distribute-minutes]");
        var anna = coordinator.Locator("[data-testid=distribution-recipient]", new PageLocatorOptions { HasText = address });
        await Expect(anna.Locator("[data-testid=recipient-language]")).ToHaveTextAsync("อังกฤษ");
        await Expect(anna.Locator("[data-testid=recipient-state]")).ToHaveTextAsync("จะส่ง");
        var skipped = coordinator.Locator("[data-testid=distribution-recipient]", new PageLocatorOptions { HasText = "ไม่มีอีเมล" + run });
        await Expect(skipped.Locator("[data-testid=recipient-state]")).ToHaveTextAsync("ไม่มีอีเมล: ข้าม");
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("distribution-preview-1280-th") });
        // The button says what it sends, not just "ส่ง".
        await Expect(coordinator.Locator("[data-testid=distribution-confirm]")).ToHaveTextAsync(new Regex(@"^ส่งรายงานการประชุมให้ \d+ ราย$"));
        await coordinator.ClickAsync("[data-testid=distribution-confirm]");

        var receipt = coordinator.Locator("[data-testid=receipt]", new PageLocatorOptions { HasText = address });
        await Expect(receipt.Locator("[data-testid=receipt-outcome]")).ToHaveTextAsync("ส่งถึงเซิร์ฟเวอร์แล้ว", new LocatorAssertionsToHaveTextOptions { Timeout = 60000 });
        await Expect(receipt).ToContainTextAsync("ฉบับที่ 1 ภาษาอังกฤษ");
        await Expect(coordinator.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "ส่งรายงานการประชุมแล้ว" })).ToBeVisibleAsync();
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("distribution-receipts-1280-th"), FullPage = true });
        Assert.True(await ArrivedAsync(address, $"Minutes: Project follow-up {run}"));

        // Sending again sends nothing, and says so plainly: everyone is reached, use "send again" per recipient; no send button.
        await coordinator.ClickAsync("[data-testid=distribute-minutes]");
        await Expect(anna.Locator("[data-testid=recipient-state]")).ToHaveTextAsync("ส่งแล้ว: ข้าม");
        await Expect(coordinator.Locator("[data-testid=distribution-summary]")).ToContainTextAsync("ไม่มีผู้รับที่ต้องส่งฉบับที่ 1 เพิ่มแล้ว");
        await Expect(coordinator.Locator("[data-testid=distribution-summary]")).ToContainTextAsync("ส่งอีกครั้ง");
        Assert.Equal(0, await coordinator.Locator("[data-testid=distribution-confirm]").CountAsync());
        await coordinator.ClickAsync("[data-testid=distribution-close]");
        await Expect(coordinator.Locator(".mud-dialog")).ToHaveCountAsync(0);

        // Sending again to Anna: her button names her; while it sends, progress shows beside her and no resend can be clicked;
        // then the outcome is said beside her, and she is still one row (two attempts), counted once.
        var resend = receipt.Locator("[data-testid=resend]");
        await Expect(resend).ToHaveAttributeAsync("aria-label", new Regex($"^ส่งอีกครั้งถึง .*Anna Test{run}$"));
        await resend.ClickAsync();
        await coordinator.EvaluateAsync(@"() => {
            window.__resend = { progress: false, enabledWhileSending: false };
            new MutationObserver(() => {
                for (const cell of document.querySelectorAll('[data-testid=resend-cell]'))
                    if (cell.textContent.includes('กำลังส่งอีกครั้ง')) {
                        window.__resend.progress = true;
                        if ([...document.querySelectorAll('[data-testid=resend]')].some(b => !b.disabled)) window.__resend.enabledWhileSending = true;
                    }
            }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }");
        await coordinator.Locator(".mud-dialog button", new PageLocatorOptions { HasTextRegex = new Regex($"ส่งอีกครั้งถึง .*Anna Test{run}") }).ClickAsync();
        await Expect(receipt.Locator("[data-testid=resend-status]")).ToHaveTextAsync("ส่งอีกครั้งแล้ว: เซิร์ฟเวอร์อีเมลรับแล้ว", new LocatorAssertionsToHaveTextOptions { Timeout = 60000 });
        Assert.True(await coordinator.EvaluateAsync<bool>("() => window.__resend.progress"), "no progress was shown while sending again");
        Assert.False(await coordinator.EvaluateAsync<bool>("() => window.__resend.enabledWhileSending"), "send again could be clicked while sending");
        await Expect(receipt).ToHaveCountAsync(1);
        await Expect(receipt).ToHaveAttributeAsync("data-attempts", "2");
        var rows = await coordinator.Locator("[data-testid=receipt]").CountAsync();
        await Expect(coordinator.Locator("[data-testid=count-Accepted]")).ToHaveTextAsync($"ส่งถึงเซิร์ฟเวอร์แล้ว {rows}");
        await Expect(resend).ToBeEnabledAsync();

        // The World Bank's partner: the new minutes first on the dashboard, linked to the meeting.
        var partner = await browser.SignInAsync(server, Roles.Partner, problems);
        await Browser.GoToAsync(partner, "/");
        var first = partner.Locator("[data-testid=new-minutes] li").First;
        await Expect(first).ToContainTextAsync("ประชุมติดตามโครงการ " + run);
        await partner.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("distribution-partner-dashboard-1280-th"), FullPage = true });
        await first.Locator("a").ClickAsync();
        await partner.WaitForURLAsync($"**/meetings/{meetingId}");
        await Expect(partner.Locator("h1")).ToContainTextAsync("ประชุมติดตามโครงการ " + run);
        Assert.Equal(0, await partner.Locator("[data-testid=distribution]").CountAsync());

        Assert.Empty(problems);
    }

    private async Task<bool> ArrivedAsync(string address, string subject)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using var list = JsonDocument.Parse(await smtp4dev.GetStringAsync("api/messages?pageSize=1000"));
            foreach (var message in list.RootElement.GetProperty("results").EnumerateArray())
                if (message.GetProperty("to").EnumerateArray().Any(t => t.GetString()?.Contains(address, StringComparison.OrdinalIgnoreCase) == true)
                    && message.GetProperty("subject").GetString() == subject)
                    return true;
            await Task.Delay(500);
        }
        return false;
    }
}
