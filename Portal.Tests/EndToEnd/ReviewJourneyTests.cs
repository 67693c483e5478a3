using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Features.Meetings;
using Portal.Features.People;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// The review loop as its two users meet it (issue 13): staff send minutes with warnings shown, a coordinator finds them in
/// "awaiting my review" and returns them with a reason that staff then read; the approval and the printed signature lines
/// name people; a stand-in names the person represented, and English minutes mark text that exists only in Thai.
/// </summary>
[Collection(nameof(ServerCollection))]
public class ReviewJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    /// <summary>A new account of this role linked to a new person in the register, so the test's names are its own.</summary>
    private async Task<string> AccountOfPersonAsync(string role, string givenTh, string familyTh, string givenEn, string familyEn, string positionTh, string positionEn)
    {
        var email = await server.NewAccountAsync(role);
        await server.QueryAsync(async db =>
        {
            var person = db.People.Add(new Person
            {
                Honorific = Honorific.Mr, GivenNameTh = givenTh, FamilyNameTh = familyTh, GivenNameEn = givenEn, FamilyNameEn = familyEn,
                PositionTh = positionTh, PositionEn = positionEn,
            }).Entity;
            await db.SaveChangesAsync();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.PersonId = person.Id;
            return await db.SaveChangesAsync();
        });
        return email;
    }

    private Task<int> DraftAsync(string staffEmail, string titleTh, DateTime date, AgendaItemForm item) => server.AsUserAsync(staffEmail, async services =>
    {
        var kktt = (await services.GetRequiredService<Portal.Features.Organizations.OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var id = (await services.GetRequiredService<MeetingService>().SaveAsync(null, new MeetingForm
        {
            TitleTh = titleTh, TitleEn = "Review " + titleTh[^6..], RoomTh = "ห้องประชุมชั้น 3", Date = date, StartTime = new TimeSpan(9, 0, 0), HostOrganizationId = kktt,
        })).Id!.Value;
        Assert.True((await services.GetRequiredService<AgendaService>().SaveAsync(id, null, item)).Succeeded);
        return id;
    });

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // Kept beside the screenshots, for a person to look at the pages.
        await File.WriteAllBytesAsync(Path.ChangeExtension(Browser.ScreenshotPath("review" + path.Replace('/', '-').Replace('?', '-').Replace('=', '-')), ".pdf"), pdf);
        var text = await Poppler.RunAsync("pdftotext", pdf);
        return Squeezed(text);
    }

    /// <summary>Text without white space: what is asserted is the words, not where Chromium broke a line (Thai has no spaces to break at).</summary>
    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    private static void AssertPrints(string expected, string pdfText) => Assert.Contains(Squeezed(expected), pdfText);

    [Fact]
    public async Task Staff_send_with_warnings_a_coordinator_returns_with_a_reason_staff_read_it_and_the_signed_minutes_name_people()
    {
        var staffEmail = await AccountOfPersonAsync(Roles.Staff, "สมหญิง", "รักงาน", "Somying", "Rakngan", "เจ้าหน้าที่โครงการ", "Project Officer");
        var coordinatorEmail = await AccountOfPersonAsync(Roles.Coordinator, "สมชาย", "ใจดี", "Somchai", "Jaidee", "ผู้ประสานงานโครงการ", "Project Coordinator");
        var title = "ประชุมทบทวนรายงาน " + Guid.NewGuid().ToString("N")[..6];
        var id = await DraftAsync(staffEmail, title, DateTime.Today.AddDays(20), new AgendaItemForm
        {
            TopicTh = "ติดตามงานค้าง", TopicEn = "Open tasks", DiscussionTh = "ที่ประชุมหารือเรื่องงานค้างเท่านั้น",
        });

        var staff = await browser.SignInAsAsync(server, staffEmail, consoleErrors);
        await Browser.GoToAsync(staff, $"/meetings/{id}");
        await staff.ClickAsync("[data-testid=minutes-SubmitForReview]");
        var warnings = staff.Locator("[data-testid=submit-warning]");
        await Expect(warnings).ToHaveCountAsync(3);
        await Expect(warnings.Nth(0)).ToHaveTextAsync("ยังไม่มีรายชื่อผู้เข้าร่วมประชุม");
        await Expect(warnings.Nth(1)).ToHaveTextAsync("ระเบียบวาระที่ 1 (ติดตามงานค้าง) ยังไม่มีมติที่ประชุม");
        await Expect(warnings.Nth(2)).ToContainTextAsync("ซึ่งยังมาไม่ถึง");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("review-submit-warnings-th") });
        await staff.ClickAsync("[data-testid=submit-confirm]");
        await Expect(staff.Locator("[data-testid=minutes-panel]")).ToContainTextAsync("รอตรวจ");

        var coordinator = await browser.SignInAsAsync(server, coordinatorEmail, consoleErrors);
        await Browser.WaitForInteractiveAsync(coordinator);
        var awaiting = coordinator.Locator("[data-testid=awaiting-review] a", new PageLocatorOptions { HasText = title });
        await Expect(awaiting).ToHaveCountAsync(1);
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("review-awaiting-th"), FullPage = true });
        await awaiting.ClickAsync();
        await Browser.WaitForInteractiveAsync(coordinator);
        await coordinator.ClickAsync("[data-testid=minutes-ReturnToDraft]");
        await coordinator.ClickAsync("[data-testid=correction-submit]");
        await Expect(coordinator.Locator(".mud-dialog")).ToContainTextAsync("จำเป็นต้องกรอก");
        const string reason = "โปรดเพิ่มรายชื่อผู้เข้าร่วมประชุมและมติของระเบียบวาระที่ 1";
        await Browser.Field(coordinator, "correction-reason").FillAsync(reason);
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("review-return-reason-th") });
        await coordinator.ClickAsync("[data-testid=correction-submit]");
        await Expect(coordinator.Locator("[data-testid=minutes-panel]")).ToContainTextAsync("ร่าง");

        // Staff learn of it on their home page, and follow it to the meeting.
        await Browser.GoToAsync(staff, "/");
        var returnedItem = staff.Locator("[data-testid=returned-for-corrections] li", new PageLocatorOptions { HasText = title });
        await Expect(returnedItem).ToContainTextAsync(reason);
        await returnedItem.Locator("a").ClickAsync();
        await Browser.WaitForInteractiveAsync(staff);
        await Expect(staff.Locator("[data-testid=return-reason]")).ToContainTextAsync(reason);
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("review-returned-staff-th"), FullPage = true });
        await staff.ClickAsync("[data-testid=minutes-SubmitForReview]");
        await staff.ClickAsync("[data-testid=submit-confirm]");
        await Expect(staff.Locator("[data-testid=minutes-panel]")).ToContainTextAsync("รอตรวจ");
        await Expect(staff.Locator("[data-testid=return-reason]")).ToHaveCountAsync(0);

        await Browser.GoToAsync(coordinator, $"/meetings/{id}");
        await coordinator.ClickAsync("[data-testid=minutes-Approve]");
        await coordinator.Locator(".mud-dialog button", new PageLocatorOptions { HasText = "รับรองรายงานการประชุม" }).ClickAsync();
        await Expect(coordinator.Locator("[data-testid=minutes-versions]")).ToContainTextAsync("รับรองโดย นายสมชาย ใจดี");
        await Expect(coordinator.Locator("[data-testid=minutes-versions]")).Not.ToContainTextAsync("@kktt.demo");

        var client = await server.SignedInClientAsync(coordinatorEmail);
        var thai = await PdfTextAsync(client, $"/meetings/{id}/minutes.pdf?lang=th");
        foreach (var expected in new[] { "(นายสมหญิง รักงาน)", "ตำแหน่ง เจ้าหน้าที่โครงการ", "ผู้จดรายงานการประชุม", "(นายสมชาย ใจดี)", "ตำแหน่ง ผู้ประสานงานโครงการ", "ผู้ตรวจรายงานการประชุม" })
            AssertPrints(expected, thai);
        Assert.DoesNotContain("@kktt.demo", thai);
        var english = await PdfTextAsync(client, $"/meetings/{id}/minutes.pdf?lang=en");
        foreach (var expected in new[] { "(Mr. Somchai Jaidee)", "Position: Project Coordinator", "Minutes checked by", "(Mr. Somying Rakngan)", "Minutes recorded by" })
            AssertPrints(expected, english);
        // The room and the discussion were written only in Thai: the English minutes print them and say so.
        AssertPrints("ห้องประชุมชั้น 3 (in Thai only)", english);
        AssertPrints("Agenda item 1: Open tasks (in Thai only) ที่ประชุมหารือเรื่องงานค้างเท่านั้น", english);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_stand_in_names_the_person_represented_picked_from_the_register_in_Thai_and_English_minutes()
    {
        var staffEmail = await server.NewAccountAsync(Roles.Staff);
        var id = await DraftAsync(staffEmail, "ประชุมผู้แทน " + Guid.NewGuid().ToString("N")[..6], new DateTime(2024, 8, 20),
            new AgendaItemForm { TopicTh = "เรื่องแจ้ง", TopicEn = "Announcements", ResolutionTh = "รับทราบ", ResolutionEn = "Noted." });

        var page = await browser.SignInAsAsync(server, staffEmail, consoleErrors);
        await Browser.GoToAsync(page, $"/meetings/{id}");
        await page.ClickAsync("[data-testid=add-attendee]");
        await Browser.Field(page, "person-search").FillAsync("วนิดา");
        await page.Locator("[data-testid=person-results] .mud-list-item").First.ClickAsync();
        await Browser.ChooseAsync(page, "attendee-status", "มาประชุมแทน");
        var represented = page.Locator("[data-testid=attendee-represented]");
        await represented.Locator("input[data-testid=person-search], [data-testid=person-search] input").First.FillAsync("รวี");
        await represented.Locator("[data-testid=person-results] .mud-list-item").First.ClickAsync();
        await Expect(represented.Locator("[data-testid=picked-person]")).ToContainTextAsync("รวี หาญเผชิญ");
        // Picked from the register, the typed fallback is not asked for.
        await Expect(page.Locator("[data-testid=attendee-on-behalf]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("attendee-on-behalf-picker-th") });
        await page.ClickAsync("[data-testid=attendee-save]");
        await Expect(page.Locator("[data-testid=attendee-represented-name]")).ToHaveTextAsync("มาประชุมแทน รศ.ดร. รวี หาญเผชิญ");

        await page.ClickAsync("[data-testid=add-attendee]");
        await Browser.Field(page, "person-search").FillAsync("เมลินดา");
        await page.Locator("[data-testid=person-results] .mud-list-item").First.ClickAsync();
        await Browser.ChooseAsync(page, "attendee-status", "ลาประชุม");
        await Browser.Field(page, "attendee-reason").FillAsync("ติดภารกิจต่างประเทศ");
        await page.ClickAsync("[data-testid=attendee-save]");
        await Expect(page.Locator("[data-testid=attendee-row]")).ToHaveCountAsync(2);

        var client = await server.SignedInClientAsync(staffEmail);
        var thai = await PdfTextAsync(client, $"/meetings/{id}/minutes.pdf?lang=th");
        AssertPrints("มาประชุมแทน รศ.ดร. รวี หาญเผชิญ", thai);
        AssertPrints("(ติดภารกิจต่างประเทศ)", thai);
        var english = await PdfTextAsync(client, $"/meetings/{id}/minutes.pdf?lang=en");
        AssertPrints("on behalf of Assoc. Prof. Dr. Rawee Hanpachern", english);
        // No English reason was given: the Thai one is printed and marked.
        AssertPrints("(ติดภารกิจต่างประเทศ (in Thai only))", english);
        Assert.Empty(consoleErrors);
    }
}
