using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Portal.Auth;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// The invitation from end to end through a real SMTP server (smtp4dev, started by ./test.sh): staff send the invitations
/// from the meeting page, the e-mails are read back as received (raw), their calendar invitation, agenda PDF and answer link
/// checked, the link followed on a 375 px phone in English and in Thai, and the open meeting page shows the new counts.
/// </summary>
public sealed partial class InvitationJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private PortalServer server = null!;
    private readonly HttpClient smtp4dev = new();
    private readonly List<string> problems = [];

    /// <summary>smtp4dev's SMTP address and REST API, which ./test.sh starts and names; never skipped without them.</summary>
    private static (string Host, string Port, Uri Api) SmtpServer()
    {
        var smtp = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP");
        var api = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP_API");
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(api) || smtp.Split(':') is not [var host, var port])
            throw new InvalidOperationException("PORTAL_TEST_SMTP (host:port) and PORTAL_TEST_SMTP_API are not set. Run the tests through ./test.sh, "
                + "or start smtp4dev yourself: source scripts/smtp4dev.sh; start_smtp4dev 2525 5380 (it exports both).");
        return (host, port, new Uri(api.TrimEnd('/') + "/"));
    }

    public Task InitializeAsync()
    {
        var (host, port, api) = SmtpServer();
        smtp4dev.BaseAddress = api;
        server = new PortalServer(new Dictionary<string, string> { ["Portal:Smtp:Host"] = host, ["Portal:Smtp:Port"] = port });
        // The port is known only now; links are written from Portal:PublicUrl, read when the first link is made.
        server.Services.GetRequiredService<IConfiguration>()["Portal:PublicUrl"] = server.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        smtp4dev.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Invitations_arrive_with_calendar_agenda_and_a_link_that_answers_on_a_phone_and_updates_the_meeting_page()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var englishAddress = $"wb-{run}@worldbank.example";
        var thaiAddress = $"th-{run}@agency.example";
        var meetingId = await server.QueryAsync(async db =>
        {
            var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
            var worldBank = await db.Organizations.SingleAsync(o => o.Acronym == "WB");
            var agency = db.Organizations.Add(new Organization { NameTh = "สำนักงานทดสอบ " + run, NameEn = "Test Office " + run, Kind = OrganizationKind.GovernmentAgency }).Entity;
            var meeting = db.Meetings.Add(new Meeting
            {
                TitleTh = "ประชุมหารือเมืองอัจฉริยะ " + run, TitleEn = "Smart city consultation " + run, Kind = MeetingKind.Consultation,
                Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(7), StartTime = new TimeOnly(13, 30), EndTime = new TimeOnly(16, 0),
                HostOrganizationId = kktt.Id, RoomTh = "ห้องประชุมไอยรา", RoomEn = "Aiyara Room",
                AgendaItems = [new AgendaItem { Position = 1, TopicTh = "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", TopicEn = "Matters the chair informs the meeting of" }],
            }).Entity;
            db.People.Add(new Person { GivenNameTh = "แอนนา", FamilyNameTh = "ทดสอบ", GivenNameEn = "Anna", FamilyNameEn = "Test", Honorific = Honorific.Ms, Email = englishAddress, Organization = worldBank });
            db.People.Add(new Person { GivenNameTh = "สมชาย", FamilyNameTh = "ใจดี", GivenNameEn = "Somchai", FamilyNameEn = "Jaidee", Honorific = Honorific.Mr, Email = thaiAddress, Organization = agency });
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var (wbPerson, thaiPerson) = await server.QueryAsync(async db => (
            await db.People.Where(p => p.Email == englishAddress).Select(p => p.Id).SingleAsync(),
            await db.People.Where(p => p.Email == thaiAddress).Select(p => p.Id).SingleAsync()));
        await server.AsDemoUserAsync(Roles.Staff, async services =>
        {
            var invitations = services.GetRequiredService<InvitationService>();
            Assert.True((await invitations.InvitePersonAsync(meetingId, wbPerson)).IsValid);
            return await invitations.InvitePersonAsync(meetingId, thaiPerson);
        });

        // Staff send the invitations from the meeting page, after confirming.
        var staff = await browser.SignInAsync(server, Roles.Staff, problems);
        await Browser.GoToAsync(staff, $"/meetings/{meetingId}");
        await Expect(staff.Locator("[data-testid=count-invited]")).ToHaveTextAsync("เชิญ 2");
        await Expect(staff.Locator("[data-testid=count-noanswer]")).ToHaveTextAsync("ยังไม่ตอบ 2");
        await staff.ClickAsync("[data-testid=send-invitations]");
        await staff.Locator(".mud-dialog button", new PageLocatorOptions { HasText = "ส่งหนังสือเชิญ" }).ClickAsync();
        await Expect(staff.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "ส่งหนังสือเชิญแล้ว 2 ฉบับ" }))
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60000 });
        Assert.Equal(2, await server.QueryAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meetingId && i.SentAt != null)));

        var thaiMail = await ReceivedAsync(thaiAddress);
        var englishMail = await ReceivedAsync(englishAddress);

        // The Thai subject is encoded (RFC 2047) and decodes to the Thai text.
        Assert.Equal("ขอเชิญเข้าร่วมประชุมหารือเมืองอัจฉริยะ " + run, thaiMail.Message.Subject);   // not "ประชุมประชุม"
        Assert.Matches("(?im)^Subject: =\\?utf-8\\?[bq]\\?", thaiMail.Raw);
        Assert.Equal("Invitation: Smart city consultation " + run, englishMail.Message.Subject);
        Assert.Contains("เรียน นายสมชาย ใจดี", thaiMail.Message.TextBody);
        Assert.Contains("Dear Ms. Anna Test", englishMail.Message.TextBody);
        Assert.Contains("ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", thaiMail.Message.TextBody);

        foreach (var (mail, address, thai) in new[] { (thaiMail, thaiAddress, true), (englishMail, englishAddress, false) })
        {
            var ics = Assert.Single(mail.Message.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "text/calendar");
            Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
            using var icsText = new MemoryStream();
            await ics.Content!.DecodeToAsync(icsText);
            var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(icsText.ToArray()))!;
            Assert.Equal("REQUEST", calendar.Method);
            var calendarEvent = Assert.Single(calendar.Events);
            Assert.Equal(thai ? "ประชุมหารือเมืองอัจฉริยะ " + run : "Smart city consultation " + run, calendarEvent.Summary);
            Assert.Equal(new TimeOnly(6, 30), TimeOnly.FromDateTime(calendarEvent.DtStart!.AsUtc)); // 13.30 in Bangkok
            Assert.Contains(calendarEvent.Attendees, a => a.Value!.ToString().Equals("mailto:" + address, StringComparison.OrdinalIgnoreCase));
            Assert.NotNull(calendarEvent.Organizer);

            // The official letter of the invitee's organization, numbered (Features/Letters), in the organization's language.
            var letter = Assert.Single(mail.Message.Attachments.OfType<MimePart>(), p => p.FileName?.StartsWith("letter-", StringComparison.Ordinal) == true);
            using var letterPdf = new MemoryStream();
            await letter.Content!.DecodeToAsync(letterPdf);
            var letterText = await Poppler.RunAsync("pdftotext", letterPdf.ToArray());
            Assert.Contains(thai ? "ขอแสดงความนับถือ" : "Yours sincerely", letterText);
            Assert.Contains(thai ? "ที่ ขคท " : "Ref. KKTT ", letterText);

            var agenda = Assert.Single(mail.Message.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "application/pdf" && p.FileName?.StartsWith("agenda", StringComparison.Ordinal) == true);
            using var pdf = new MemoryStream();
            await agenda.Content!.DecodeToAsync(pdf);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.ToArray(), 0, 5));
            var text = await Poppler.RunAsync("pdftotext", pdf.ToArray());
            Assert.Contains(thai ? "ระเบียบวาระที่ 1" : "Agenda item 1", text);
            Assert.Contains(thai ? "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ" : "Matters the chair informs the meeting of", text);
        }

        var englishLink = LinkIn(englishMail.Message);
        var thaiLink = LinkIn(thaiMail.Message);
        Assert.StartsWith(server.BaseAddress + "/rsvp/", englishLink);
        Assert.EndsWith("?lang=en", englishLink);

        // The World Bank's invitee answers on a phone, in English, sending a representative.
        var phone = await PhoneAsync();
        await phone.GotoAsync(englishLink);
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Your answer to the invitation");
        await Expect(phone.Locator("[data-testid=rsvp-meeting-title]")).ToHaveTextAsync("Smart city consultation " + run);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("rsvp-375-en"), FullPage = true });
        await Expect(phone.Locator("[data-testid=rsvp-rep-name]")).ToBeHiddenAsync(); // asked for only when sending someone
        await Expect(phone.Locator("[data-testid=rsvp-reason]")).ToBeHiddenAsync();
        await phone.CheckAsync("[data-testid=rsvp-representative]");
        await Expect(phone.Locator("[data-testid=rsvp-reason]")).ToBeHiddenAsync();
        await phone.ClickAsync("[data-testid=rsvp-submit]");
        await Expect(phone.Locator(".answer-error").First).ToBeVisibleAsync(); // the representative's details are required
        await phone.CheckAsync("[data-testid=rsvp-representative]");
        await phone.FillAsync("[data-testid=rsvp-rep-name]", "Somsri Rakdee");
        await phone.FillAsync("[data-testid=rsvp-rep-position]", "Senior Economist");
        await phone.FillAsync("[data-testid=rsvp-rep-contact]", "somsri@worldbank.example");
        await phone.ClickAsync("[data-testid=rsvp-submit]");
        await Expect(phone.Locator("[data-testid=rsvp-saved]")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 375"));
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("rsvp-375-en-saved"), FullPage = true });

        // The meeting page, open all along, shows it without a reload.
        await Expect(staff.Locator("[data-testid=count-representative]")).ToHaveTextAsync("ส่งผู้แทน 1");
        await Expect(staff.Locator("[data-testid=invitees]")).ToContainTextAsync("Somsri Rakdee");

        // The Thai invitee answers in Thai: attending.
        var thaiPhone = await PhoneAsync();
        await thaiPhone.GotoAsync(thaiLink);
        await Expect(thaiPhone.Locator("h1")).ToHaveTextAsync("ตอบรับการเชิญประชุม");
        await Expect(thaiPhone.Locator("[data-testid=rsvp-date]")).ToContainTextAsync((DateTime.UtcNow.AddHours(7).AddDays(7).Year + 543).ToString());
        await thaiPhone.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("rsvp-375-th"), FullPage = true });
        await thaiPhone.CheckAsync("[data-testid=rsvp-attending]");
        await thaiPhone.ClickAsync("[data-testid=rsvp-submit]");
        await Expect(thaiPhone.Locator("[data-testid=rsvp-saved]")).ToBeVisibleAsync();
        await Expect(staff.Locator("[data-testid=count-attending]")).ToHaveTextAsync("เข้าร่วม 1");
        await Expect(staff.Locator("[data-testid=count-noanswer]")).ToHaveTextAsync("ยังไม่ตอบ 0");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("invitations-meeting-1280-th"), FullPage = true });

        // A tampered link and an expired one get a clear page, 410 Gone, and nothing of the meeting.
        var token = thaiLink[(thaiLink.IndexOf("/rsvp/", StringComparison.Ordinal) + 6)..];
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var (invitationId, key) = await server.QueryAsync(db => db.Invitations.Where(i => i.PersonId == thaiPerson).Select(i => new { i.Id, i.AnswerKey }).SingleAsync()) is var row ? (row.Id, row.AnswerKey) : default;
        var expired = server.Services.GetRequiredService<InvitationLinks>().Token(invitationId, key, DateTimeOffset.UtcNow.AddSeconds(-1));
        using var anonymous = server.NewClient();
        foreach (var refused in new[] { tampered, expired })
        {
            var response = await anonymous.GetAsync("/rsvp/" + refused);
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("ลิงก์นี้ใช้ไม่ได้", body);
            Assert.DoesNotContain(run, body);
        }
        await thaiPhone.GotoAsync("/rsvp/" + tampered);
        await Expect(thaiPhone.Locator("[data-testid=rsvp-invalid]")).ToBeVisibleAsync();
        Assert.Empty(problems);
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress, ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Add(error);
        return page;
    }

    private sealed record Received(MimeMessage Message, string Raw);

    /// <summary>The message smtp4dev received for this address, read raw through its REST API (waiting up to 30 s).</summary>
    private async Task<Received> ReceivedAsync(string address)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var list = JsonDocument.Parse(await smtp4dev.GetStringAsync("api/messages?pageSize=1000"));
            foreach (var message in list.RootElement.GetProperty("results").EnumerateArray())
            {
                var id = message.GetProperty("id").GetString();
                var raw = await smtp4dev.GetStringAsync($"api/messages/{id}/raw");
                if (!raw.Contains(address, StringComparison.OrdinalIgnoreCase)) continue;
                var parsed = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
                if (parsed.To.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                    return new Received(parsed, raw);
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"smtp4dev received nothing for {address}.");
    }

    private static string LinkIn(MimeMessage message) => RsvpLink().Match(message.TextBody ?? "").Value;

    [GeneratedRegex(@"https?://\S+/rsvp/\S+")]
    private static partial Regex RsvpLink();
}
