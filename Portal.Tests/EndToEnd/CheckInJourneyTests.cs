using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Localization;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// The day of the meeting, end to end: staff print the attendance sheet, a real QR decoder (zbarimg) reads the code off
/// the printed page, a phone (375 px) opens the decoded link without an account, finds a name by typing a few letters and
/// checks in, and the tally on the meeting page and the door page changes without a reload.
/// </summary>
[Collection(nameof(ServerCollection))]
public class CheckInJourneyTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task A_phone_follows_the_printed_QR_code_checks_in_and_the_meeting_page_counts_it_live()
    {
        var meetingId = await MeetingTodayAsync();
        var staff = await browser.SignInAsync(server, Roles.Staff, problems);
        await Browser.GoToAsync(staff, $"/meetings/{meetingId}");
        await Expect(staff.Locator("[data-testid=checkin-count]")).ToHaveTextAsync("0");

        // The attendance sheet as printed, its first page as an image, and the QR code read by a real decoder.
        var sheet = await staff.APIRequest.GetAsync($"{server.BaseAddress}/meetings/{meetingId}/attendance-sheet.pdf");
        Assert.True(sheet.Status == 200, $"The attendance sheet answered {sheet.Status}: {System.Text.RegularExpressions.Regex.Replace(await sheet.TextAsync(), "<[^>]*>", " ")}");
        var png = await PageImageAsync(await sheet.BodyAsync(), "checkin-attendance-sheet");
        var link = await DecodeQrAsync(png);
        var publicAddress = server.Services.GetRequiredService<Portal.Hosting.PublicAddress>();
        Assert.StartsWith(publicAddress.Link("check-in/"), link);
        var path = new Uri(link).AbsolutePath;
        Assert.Matches("^/check-in/[A-Za-z0-9_-]{22}$", path);

        // The door page: the same link, big, with the meeting and the count.
        var door = await staff.Context.NewPageAsync();
        await Browser.GoToAsync(door, $"/meetings/{meetingId}/door");
        await Expect(door.Locator("[data-testid=door-title]")).ToHaveTextAsync("ประชุมทดสอบการลงทะเบียนหน้าห้อง");
        await Expect(door.Locator("[data-testid=checkin-count]")).ToHaveTextAsync("0");
        await Expect(door.Locator(".door-link")).ToHaveTextAsync(link);
        await door.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("checkin-door-th") });

        // A phone with no account opens the decoded link (on this test server's address).
        var phoneContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress, ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true,
        });
        var phone = await phoneContext.NewPageAsync();
        phone.PageError += (_, error) => problems.Add(error);
        await phone.GotoAsync(path);
        await Expect(phone.Locator("[data-testid=checkin-meeting-title]")).ToHaveTextAsync("ประชุมทดสอบการลงทะเบียนหน้าห้อง");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("checkin-phone-th"), FullPage = true });
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The check-in page is wider than the phone.");

        // Two letters find nobody; more find the attendee, in Thai with the honorific and a space typed.
        await phone.FillAsync("[data-testid=checkin-q]", "รว");
        await phone.ClickAsync("[data-testid=checkin-find]");
        await Expect(phone.Locator("[data-testid=checkin-too-short]")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-testid=checkin-pick]")).ToHaveCountAsync(0);
        await phone.FillAsync("[data-testid=checkin-q]", "รศ.ดร. รวี หาญ");
        await phone.ClickAsync("[data-testid=checkin-find]");
        var pick = phone.Locator("[data-testid=checkin-pick]");
        await Expect(pick).ToHaveCountAsync(1);
        await Expect(pick).ToContainTextAsync("รวี หาญเผชิญ");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("checkin-phone-th-found"), FullPage = true });
        await pick.ClickAsync();
        await Expect(phone.Locator("[data-testid=checkin-result]")).ToContainTextAsync("รวี หาญเผชิญ");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("checkin-phone-th-done"), FullPage = true });

        // The meeting page and the door page count it without a reload.
        await Expect(staff.Locator("[data-testid=checkin-count]")).ToHaveTextAsync("1");
        await Expect(door.Locator("[data-testid=checkin-count]")).ToHaveTextAsync("1");

        // In English, someone not on the list adds themselves; a second try is told they are in already.
        await phone.GotoAsync($"/culture/set?culture=en-US&redirectUri={Uri.EscapeDataString(path)}");
        await Expect(phone.Locator("#find-heading")).ToHaveTextAsync("Find your name");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("checkin-phone-en"), FullPage = true });
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await phone.FillAsync("[data-testid=checkin-add-name]", "Ms. Jane Walker");
            await phone.FillAsync("[data-testid=checkin-add-organization]", "KKTT");
            await phone.FillAsync("[data-testid=checkin-add-position]", "Volunteer");
            await phone.ClickAsync("[data-testid=checkin-add]");
            await Expect(phone.Locator("[data-testid=checkin-result]")).ToContainTextAsync(attempt == 0 ? "Welcome, Ms. Jane Walker" : "has already checked in");
            if (attempt == 0)
            {
                await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("checkin-phone-en-added"), FullPage = true });
                await phone.GotoAsync(path);
            }
        }
        await Expect(staff.Locator("[data-testid=checkin-count]")).ToHaveTextAsync("2");
        await staff.Locator("[data-testid=checkin-panel]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Browser.ScreenshotPath("checkin-meeting-panel") });

        // Staff close the door: Wanida, expected and never arrived, becomes absent; those who came stay present.
        await staff.ClickAsync("[data-testid=mark-absent]");
        // The question names whom it will mark, and only them.
        await Expect(staff.Locator("[data-testid=mark-absent-names] li")).ToHaveCountAsync(1);
        await Expect(staff.Locator("[data-testid=mark-absent-names]")).ToContainTextAsync("วนิดา");
        await staff.Locator(".mud-dialog button", new PageLocatorOptions { HasText = "บันทึกว่าไม่มาประชุม" }).ClickAsync();
        await Expect(staff.Locator(".mud-snackbar")).ToContainTextAsync("บันทึกผู้ไม่มาประชุม 1 คน");
        await Expect(staff.Locator("[data-testid=attendee-row]", new PageLocatorOptions { HasText = "วนิดา" })).ToContainTextAsync("ไม่มาประชุม");

        await using (var scope = server.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var rows = await db.Attendees.Where(a => a.MeetingId == meetingId && a.CheckedInAt != null).Include(a => a.Person).ToListAsync();
            Assert.Equal(["Jane", "Rawee"], rows.Select(r => r.Person!.GivenNameEn).Order());
            Assert.All(rows, r => Assert.Equal(AttendanceStatus.Present, r.Status));
            Assert.Equal(AttendanceStatus.Absent, await db.Attendees.Where(a => a.MeetingId == meetingId && a.Person!.GivenNameEn == "Wanida").Select(a => a.Status).SingleAsync());
        }
        await phoneContext.CloseAsync();
        await staff.Context.CloseAsync();
        Assert.Empty(problems);
    }

    /// <summary>A draft meeting that started half an hour ago (Bangkok), with Rawee listed as absent until he arrives.</summary>
    private async Task<int> MeetingTodayAsync()
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ThaiDates.Bangkok);
        var start = now.Hour >= 1 ? TimeOnly.FromDateTime(now.AddMinutes(-30)) : TimeOnly.MinValue;
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var rawee = await db.People.SingleAsync(p => p.GivenNameEn == "Rawee");
        var wanida = await db.People.SingleAsync(p => p.GivenNameEn == "Wanida");
        var meeting = new Meeting
        {
            TitleTh = "ประชุมทดสอบการลงทะเบียนหน้าห้อง", TitleEn = "Door check-in test", Date = DateOnly.FromDateTime(now),
            StartTime = new TimeOnly(start.Hour, start.Minute), Kind = MeetingKind.Workshop,
            Attendees =
            [
                new Attendee { PersonId = rawee.Id, OrganizationId = rawee.OrganizationId, Status = AttendanceStatus.Absent },
                new Attendee { PersonId = wanida.Id, OrganizationId = wanida.OrganizationId, Status = AttendanceStatus.Present },   // expected, as a copied list brings them
            ],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>The PDF's first page as a PNG (pdftoppm, 150 dpi), kept beside the screenshots for a look.</summary>
    private static async Task<string> PageImageAsync(byte[] pdf, string name)
    {
        var pdfFile = Path.Combine(Path.GetTempPath(), $"kktt-checkin-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdfFile, pdf);
        var prefix = Browser.ScreenshotPath(name)[..^".png".Length];
        try
        {
            await RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdfFile, prefix);
        }
        finally
        {
            File.Delete(pdfFile);
        }
        return prefix + ".png";
    }

    private static async Task<string> DecodeQrAsync(string png)
    {
        var output = await RunAsync("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png);
        return Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {error}");
        return output;
    }
}
