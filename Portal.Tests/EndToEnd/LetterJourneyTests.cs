using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.DemoData;
using Portal.Features.Invitations;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// An administrator sets the letterhead and signatory; staff write what the letters say, print them all from the meeting's
/// print menu and see each letter's number.
/// </summary>
public class LetterJourneyTests(PortalServer server, Browser browser) : IClassFixture<PortalServer>, IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task The_letterhead_set_by_an_administrator_and_the_text_staff_write_are_what_the_letters_print()
    {
        var admin = await browser.SignInAsync(server, Roles.Admin, problems);
        await Browser.GoToAsync(admin, "/admin/letterhead");
        await Expect(Browser.Field(admin, "prefix-th")).ToHaveValueAsync("ขคท");
        await Browser.Field(admin, "signatory-th").FillAsync("ผศ.ดร.สมหญิง  ใจดี");
        // A file that is not an image is refused next to the field, whatever it is called.
        await admin.Locator("[data-testid=logo-input]").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = "%PDF-1.7"u8.ToArray() });
        await Expect(admin.GetByRole(AriaRole.Alert).Filter(new() { HasText = "SVG" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await admin.Locator("[data-testid=logo-input]").SetInputFilesAsync(new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml",
            Buffer = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><circle cx='50' cy='50' r='40' fill='#1b4965'/><text x='5' y='60' font-size='12'>ขคท-ทดสอบ</text></svg>"u8.ToArray() });
        await Expect(admin.Locator("img.logo-preview")).ToBeVisibleAsync();
        await admin.ClickAsync("[data-testid=save]");
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("บันทึก");
        await admin.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("letterhead-admin"), FullPage = true });

        var workshop = await server.WorkshopIdAsync();
        await server.QueryAsync(async db =>
        {
            foreach (var acronym in new[] { "KKMC", DemoOrganizations.WorldBank })
                db.Invitations.Add(new Invitation { MeetingId = workshop, OrganizationId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync(), AnswerKey = Guid.NewGuid().ToString("N") });
            return await db.SaveChangesAsync();
        });

        var staff = await browser.SignInAsync(server, Roles.Staff, problems);
        await Browser.GoToAsync(staff, $"/meetings/{workshop}");
        await staff.ClickAsync("[data-testid=print-menu]");
        await staff.ClickAsync("[data-testid=print-letters]");
        await staff.WaitForURLAsync($"**/meetings/{workshop}/letters");
        await Expect(staff.Locator("[data-testid=addressee]")).ToHaveCountAsync(2);
        await Expect(staff.Locator("[data-testid=letter-number]").First).ToHaveTextAsync("ยังไม่ออกเลข");
        await Browser.Field(staff, "purpose-th").FillAsync("เพื่อติดตามความคืบหน้าของข้อเสนอ <script>alert(1)</script>");
        await staff.ClickAsync("[data-testid=save]");
        await Expect(staff.Locator(".mud-snackbar")).ToContainTextAsync("บันทึก");

        // The PDF the "print all" button opens, fetched with the staff member's own session.
        var href = await staff.Locator("[data-testid=all-letters]").GetAttributeAsync("href");
        var response = await staff.APIRequest.GetAsync(href!, new() { Timeout = 90_000 });
        Assert.Equal(200, response.Status);
        var text = await Poppler.RunAsync("pdftotext", await response.BodyAsync());
        Assert.Contains("(ผศ.ดร.สมหญิง ใจดี)", text);
        Assert.Contains("ขคท-ทดสอบ", text);   // the new logo's text
        Assert.Contains("<script>alert(1)</script>", text);   // printed as the text it is
        Assert.Equal(4, await Poppler.PagesAsync(await response.BodyAsync()));

        await staff.ReloadAsync();
        await Browser.WaitForInteractiveAsync(staff);
        await Expect(staff.Locator("[data-testid=letter-number]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^(ขคท|KKTT) \d+/\d{4}$") })).ToHaveCountAsync(2);
        await staff.SetViewportSizeAsync(375, 800);
        await staff.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("letters-phone-th"), FullPage = true });
        Assert.True(await staff.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The letters page is wider than a phone");
        Assert.Empty(problems);
    }
}
