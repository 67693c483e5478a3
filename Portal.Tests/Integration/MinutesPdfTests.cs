using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Printing;

namespace Portal.Tests.Integration;

/// <summary>The printed minutes, read back with poppler-utils as a person copying text out of the PDF would.</summary>
[Collection(nameof(ServerCollection))]
public class MinutesPdfTests(PortalServer server)
{
    private Task<int> WorkshopIdAsync() => server.WorkshopIdAsync();

    private static Task<string> PopplerAsync(string tool, byte[] pdf, params string[] options) => Poppler.RunAsync(tool, pdf, options);

    private static Task<int> PagesAsync(byte[] pdf) => Poppler.PagesAsync(pdf);

    private static async Task<byte[]> GetPdfAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_Thai_minutes_follow_the_official_form_with_real_text_and_embedded_Sarabun()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Coordinator));
        var response = await client.GetAsync($"/meetings/{await WorkshopIdAsync()}/minutes.pdf?lang=th");
        Assert.Equal("2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น (th).pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PopplerAsync("pdftotext", pdf);
        foreach (var expected in new[]
        {
            "รายงานการประชุม ศักยภาพด้านโครงสร้างพื้นฐาน", "เมื่อ วันพุธที่ 31 กรกฎาคม 2567", "ณ ห้องประชุมไอยรา", "ผู้มาประชุม",
            "นายสุรเดช ทวีแสงสกุลไทย", "นางเมลินดา กู๊ด", "เริ่มประชุมเวลา 13.30 น.", "ระเบียบวาระที่ 1", "มติที่ประชุม", "เกือบ 15 เท่า",
            "ภารกิจที่ต้องดำเนินการ", "เลิกประชุมเวลา 16.30 น.", "ผู้จดรายงานการประชุม", "ผู้ตรวจรายงานการประชุม", "หน้า 1/",
        })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("ร่าง ·", text);
        // The signature lines name the people who recorded and checked the minutes, never their sign-in e-mail.
        Assert.Contains("(Coordinator (demo))", text);
        Assert.DoesNotContain("@kktt.demo", text);

        var fonts = (await PopplerAsync("pdffonts", pdf)).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("Sarabun", f));
        Assert.All(fonts, f => Assert.Matches(@"\syes\s+yes\s+yes\s", f));   // embedded, subset, with a Unicode map
        Assert.InRange(await PagesAsync(pdf), 3, 8);

        var info = await PopplerAsync("pdfinfo", pdf);
        Assert.Matches(@"Title:\s+รายงานการประชุม ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", info);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Author:\s+พอร์ทัลภาคีเครือข่าย KKTT", info);
        Assert.DoesNotContain("Syntax Error", info);
    }

    [Fact]
    public async Task The_English_and_bilingual_minutes_carry_the_same_structure()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await WorkshopIdAsync();
        var english = await PopplerAsync("pdftotext", await GetPdfAsync(client, $"/meetings/{id}/minutes.pdf?lang=en"));
        foreach (var expected in new[] { "Minutes of the Infrastructure Potential", "Wednesday, 31 July 2024", "Present", "Mrs. Melinda Good",
            "Opened at 13:30", "Agenda item 2:", "Resolution", "Closed at 16:30", "Minutes recorded by", "Minutes checked by", "Page 1 of" })
            Assert.Contains(expected, english);
        Assert.DoesNotContain("ผู้มาประชุม", english);

        var bilingual = await PopplerAsync("pdftotext", await GetPdfAsync(client, $"/meetings/{id}/minutes.pdf?lang=bilingual"));
        foreach (var expected in new[] { "ผู้มาประชุม / Present", "ระเบียบวาระที่ 2", "Agenda item 2:", "มติที่ประชุม", "Resolution", "หน้า / Page 1/" })
            Assert.Contains(expected, bilingual);
    }

    [Fact]
    public async Task Each_language_downloads_under_its_own_name_with_a_plain_ASCII_name_beside_the_Thai_one()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await WorkshopIdAsync();
        var names = new List<(string? Ascii, string? Unicode)>();
        foreach (var language in new[] { "th", "en", "bilingual" })
        {
            var response = await client.GetAsync($"/meetings/{id}/minutes.pdf?lang={language}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var disposition = response.Content.Headers.ContentDisposition!;
            var ascii = disposition.FileName?.Trim('"');
            Assert.Equal($"2024-07-31 Infrastructure Potential for Developing Khon Kaen Smart City ({language}).pdf", ascii);
            Assert.EndsWith($" ({language}).pdf", disposition.FileNameStar);
            names.Add((ascii, disposition.FileNameStar));
        }
        Assert.Equal(3, names.Select(n => n.Ascii).Distinct().Count());
        Assert.Equal(3, names.Select(n => n.Unicode).Distinct().Count());
        Assert.Equal("2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น (bilingual).pdf", names[2].Unicode);

        var sheet = (await client.GetAsync($"/meetings/{id}/attendance-sheet.pdf")).Content.Headers.ContentDisposition!;
        Assert.Equal("2024-07-31 Infrastructure Potential for Developing Khon Kaen Smart City attendance sheet.pdf", sheet.FileName?.Trim('"'));
        Assert.EndsWith(" ใบลงชื่อ.pdf", sheet.FileNameStar);
    }

    [Fact]
    public async Task English_text_carries_no_Thai_time_units_in_English_or_bilingual_minutes()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await WorkshopIdAsync();
        var bilingual = Regex.Replace(await PopplerAsync("pdftotext", await GetPdfAsync(client, $"/meetings/{id}/minutes.pdf?lang=bilingual")), @"\s+", " ");
        Assert.Contains("เริ่มประชุมเวลา 13.30 น. / Opened at 13:30", bilingual);
        Assert.Contains("เลิกประชุมเวลา 16.30 น. / Closed at 16:30", bilingual);
        var english = await PopplerAsync("pdftotext", await GetPdfAsync(client, $"/meetings/{id}/minutes.pdf?lang=en"));
        foreach (var text in new[] { bilingual, english })
        {
            Assert.DoesNotMatch(@"(Opened|Closed) at \d\d\.\d\d", text);
            Assert.DoesNotContain("น.", Regex.Replace(text, @"\d\d\.\d\d น\. /", ""));
        }
        // Due dates of action items are written in English too, not only in the Thai calendar.
        Assert.Contains("2024", bilingual);
        Assert.Contains("2567", bilingual);
    }

    [Fact]
    public async Task A_partner_is_told_that_the_action_items_printed_are_only_their_own()
    {
        var id = await WorkshopIdAsync();
        var partner = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        var own = Regex.Replace(await PopplerAsync("pdftotext", await GetPdfAsync(partner, $"/meetings/{id}/minutes.pdf?lang=bilingual")), @"\s+", " ");
        Assert.Contains("รายการนี้แสดงเฉพาะภารกิจของหน่วยงานของท่าน", own);
        Assert.Contains("This list shows only your organization's action items.", own);

        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var all = Regex.Replace(await PopplerAsync("pdftotext", await GetPdfAsync(staff, $"/meetings/{id}/minutes.pdf?lang=bilingual")), @"\s+", " ");
        Assert.Contains("ภารกิจที่ต้องดำเนินการ", all);
        Assert.DoesNotContain("รายการนี้แสดงเฉพาะ", all);
    }

    [Fact]
    public async Task Row_numbers_of_the_attendance_sheet_stay_on_one_line()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Coordinator));
        var text = await PopplerAsync("pdftotext", await GetPdfAsync(client, $"/meetings/{await WorkshopIdAsync()}/attendance-sheet.pdf"), "-layout");
        for (var row = 10; row <= 24; row++)
            Assert.Matches(new Regex($@"^\s*{row}\s", RegexOptions.Multiline), text);
        Assert.DoesNotMatch(new Regex(@"^\s*[0-9]\s*$", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task Minutes_not_yet_approved_say_DRAFT_on_every_page()
    {
        int draftId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
            var draft = new Meeting
            {
                TitleTh = "ประชุมร่างทดสอบการพิมพ์", TitleEn = "Draft print test", Date = new DateOnly(2024, 10, 2), StartTime = new TimeOnly(9, 0),
                HostOrganizationId = kktt.Id,
                AgendaItems = Enumerable.Range(1, 6).Select(i => new AgendaItem
                {
                    Position = i, TopicTh = $"วาระ {i}", TopicEn = $"Item {i}", DiscussionTh = string.Join("\n\n", Enumerable.Repeat("ที่ประชุมพิจารณารายละเอียดของโครงการอย่างรอบด้าน", 12)),
                }).ToList(),
            };
            db.Meetings.Add(draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var pdf = await GetPdfAsync(client, $"/meetings/{draftId}/minutes.pdf");
        var pages = await PagesAsync(pdf);
        Assert.True(pages >= 2, "the draft should run over several pages");
        for (var page = 1; page <= pages; page++)
            Assert.Contains("ร่าง", await PopplerAsync("pdftotext", pdf, "-f", page.ToString(), "-l", page.ToString()));
    }

    [Fact]
    public async Task The_attendance_sheet_lists_everyone_with_room_to_sign()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Coordinator));
        var pdf = await GetPdfAsync(client, $"/meetings/{await WorkshopIdAsync()}/attendance-sheet.pdf");
        var text = await PopplerAsync("pdftotext", pdf);
        foreach (var expected in new[] { "ใบลงชื่อผู้เข้าร่วมประชุม", "ลำดับ", "ลายมือชื่อ", "นางเมลินดา กู๊ด", "สโมสรซอนต้า", "24" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public async Task Only_users_who_may_see_the_meeting_get_its_minutes()
    {
        var id = await WorkshopIdAsync();
        var anonymous = await server.NewClient().GetAsync($"/meetings/{id}/minutes.pdf");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        // The World Bank attended: its partner gets the approved minutes.
        var worldBank = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        Assert.Contains("ผู้มาประชุม", await PopplerAsync("pdftotext", await GetPdfAsync(worldBank, $"/meetings/{id}/minutes.pdf")));

        // A partner whose organization did not attend gets nothing, not even the attendance sheet.
        var outsider = await server.PartnerClientAsync("CMKL");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/meetings/{id}/minutes.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/meetings/{id}/attendance-sheet.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/meetings/{id}/minutes")).StatusCode);
    }

    [Fact]
    public async Task The_preview_is_the_same_document_and_runs_nothing()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var response = await client.GetAsync($"/meetings/{await WorkshopIdAsync()}/minutes?lang=th");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("ผู้มาประชุม", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task An_approved_version_prints_as_it_was_approved_and_unknown_versions_are_not_found()
    {
        var id = await WorkshopIdAsync();
        var partner = await server.PartnerClientAsync("WB");
        var preview = await partner.GetStringAsync($"/meetings/{id}/minutes?lang=en&version=1");
        Assert.Contains("Minutes of", preview);
        Assert.DoesNotContain("DRAFT", preview);
        Assert.Contains("Minutes of", await PopplerAsync("pdftotext", await GetPdfAsync(partner, $"/meetings/{id}/minutes.pdf?lang=en&version=1")));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/meetings/{id}/minutes?version=99")).StatusCode);
    }

    [Fact]
    public async Task Printing_goes_on_after_Chromium_dies()
    {
        var chromium = server.Services.GetRequiredService<ChromiumPdf>();
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var path = $"/meetings/{await WorkshopIdAsync()}/attendance-sheet.pdf";
        await GetPdfAsync(client, path);
        foreach (var browser in chromium.ProcessIds)
            Process.Start("kill", ["-KILL", "--", $"-{browser}"])!.WaitForExit();
        await Task.Delay(300);
        Assert.NotEmpty(await GetPdfAsync(client, path));
    }

    [Fact]
    public async Task The_printer_runs_no_script_and_fetches_nothing_even_if_hostile_markup_got_through()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var beacon = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/beacon";
        var chromium = server.Services.GetRequiredService<ChromiumPdf>();

        var pdf = await chromium.PrintAsync(
            $"""<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>untouched text</p>""" +
            $"""<img src="x" onerror="document.body.textContent='SCRIPT RAN'"><svg onload="document.body.textContent='SCRIPT RAN'"></svg>""" +
            $"""<img src="{beacon}"><link rel="stylesheet" href="{beacon}"><iframe src="{beacon}"></iframe></body></html>""");
        await Task.Delay(200);

        var text = await PopplerAsync("pdftotext", pdf);
        Assert.Contains("untouched text", text);
        Assert.DoesNotContain("SCRIPT RAN", text);
        Assert.False(listener.Pending(), "the printer reached out to the network");
    }
}
