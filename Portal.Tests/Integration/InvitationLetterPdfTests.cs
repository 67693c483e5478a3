using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.Invitations;

namespace Portal.Tests.Integration;

/// <summary>The invitation letters as printed: read back page by page with poppler, and kept as images to look at.</summary>
public class InvitationLetterPdfTests : IClassFixture<PortalServer>
{
    private readonly PortalServer server;

    public InvitationLetterPdfTests(PortalServer server) => this.server = server;

    private async Task<int> InvitedWorkshopAsync()
    {
        var workshop = await server.WorkshopIdAsync();
        await server.QueryAsync(async db =>
        {
            if (await db.Invitations.AnyAsync(i => i.MeetingId == workshop)) return 0;
            foreach (var acronym in new[] { "KKMC", DemoOrganizations.WorldBank, DemoOrganizations.Cmkl })
            {
                var organization = await db.Organizations.SingleAsync(o => o.Acronym == acronym);
                db.Invitations.Add(new Invitation { MeetingId = workshop, OrganizationId = organization.Id, AnswerKey = Guid.NewGuid().ToString("N") });
            }
            return await db.SaveChangesAsync();
        });
        return workshop;
    }

    [Fact]
    public async Task Every_invited_organization_gets_a_numbered_letter_in_the_official_form_with_the_agenda_enclosed()
    {
        var workshop = await InvitedWorkshopAsync();
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var response = await client.GetAsync($"/meetings/{workshop}/letters.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        await KeepPagesAsImagesAsync(pdf, "invitation-letters");

        // Three letters, each followed by its agenda: six pages, and no letter runs onto a second page.
        Assert.Equal(6, await Poppler.PagesAsync(pdf));
        var pages = (await Poppler.RunAsync("pdftotext", pdf, "-layout")).Split('\f');
        var year = Portal.Localization.ThaiDates.ToBangkok(DateTime.UtcNow).Year;
        var thai = pages.Where((_, i) => i % 2 == 0).Single(p => p.Contains("นายกเทศมนตรีนครขอนแก่น", StringComparison.Ordinal));
        foreach (var expected in new[]
        {
            $"ที่ ขคท ", $"/{year + 543}", "บริษัท ขอนแก่นพัฒนาเมือง จำกัด", "ถนนศรีจันทร์", "เรื่อง", "ขอเชิญเข้าร่วมประชุมศักยภาพด้านโครงสร้างพื้นฐาน",
            "เรียน", "นายกเทศมนตรีนครขอนแก่น", "สิ่งที่ส่งมาด้วย", "ระเบียบวาระการประชุม จำนวน 1 ฉบับ", "จึงขอเรียนเชิญท่านหรือผู้แทน",
            "วันพุธที่ 31 กรกฎาคม 2567", "13.30–16.30 น.", "ไอยรา", "ขอแสดงความนับถือ", "(นายสุรเดช ทวีแสงสกุลไทย)", "ฝ่ายประสานงานภาคี",
        })
            Assert.Contains(expected.Replace(" ", "", StringComparison.Ordinal), Compact(thai));   // words, wherever the lines break
        // The Thai letter is dated in the Buddhist Era and carries no page number.
        Assert.Matches($@"\d{{1,2}} \S+ {year + 543}", thai);
        Assert.DoesNotContain("หน้า 1", thai);
        // The letterhead's logo, a drawing, is on every letter: its "KKTT" is text on each letter's first page.
        Assert.Contains("KKTT", thai);

        var english = pages.Single(p => p.Contains("Yours sincerely", StringComparison.Ordinal));
        foreach (var expected in new[]
        {
            "Ref. KKTT ", $"/{year}", "Khon Kaen Think Tank Co., Ltd.", "Subject:", "Country Director for Thailand and Myanmar, World Bank Thailand",
            "Wednesday, 31 July 2024", "13:30–16:30", "(Mr. Suradech Taweesaengsakulthai)", "Enclosures:", "The agenda of the meeting",
        })
            Assert.Contains(expected, System.Text.RegularExpressions.Regex.Replace(english, @"\s+", " "));
        Assert.DoesNotContain("ขอแสดงความนับถือ", english);

        // Without a head's position on record the letter goes to the head of the organization.
        Assert.Contains(pages, p => p.Contains("หัวหน้าสถาบันวิศวกรรม", StringComparison.Ordinal));
        var agenda = pages[Array.IndexOf(pages, thai) + 1];
        Assert.Contains("ระเบียบวาระการประชุม", agenda);
        Assert.Contains("ระเบียบวาระที่ 1", agenda);
        Assert.Contains("เวลา 13.30–16.30 น.", agenda);

        // Numbers are kept: the page lists them, and printing again gives the same ones.
        var numbers = await server.QueryAsync(db => db.IssuedLetters.Where(l => l.MeetingId == workshop).Select(l => l.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(3, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var again = await client.GetByteArrayAsync($"/meetings/{workshop}/letters.pdf");
        Assert.Equal(numbers, await server.QueryAsync(db => db.IssuedLetters.Where(l => l.MeetingId == workshop).Select(l => l.Number).OrderBy(n => n).ToListAsync()));
        Assert.Equal(6, await Poppler.PagesAsync(again));
        Assert.True(await server.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Meeting" && a.Action == AuditAction.Exported && a.Changes.Contains("letters.pdf"))));
    }

    [Fact]
    public async Task One_organizations_letter_prints_alone_and_only_staff_may_print_letters()
    {
        var workshop = await InvitedWorkshopAsync();
        var worldBank = await server.QueryAsync(db => db.Organizations.Where(o => o.Acronym == DemoOrganizations.WorldBank).Select(o => o.Id).SingleAsync());
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var one = await staff.GetAsync($"/meetings/{workshop}/letters.pdf?organization={worldBank}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(2, await Poppler.PagesAsync(await one.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/meetings/999999/letters.pdf")).StatusCode);

        foreach (var role in new[] { Roles.Coordinator, Roles.Partner })
        {
            var client = await server.SignedInClientAsync(PortalHost.DemoAccount(role));
            var refused = await client.GetAsync($"/meetings/{workshop}/letters.pdf");
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        }
        var anonymous = await server.NewClient().GetAsync($"/meetings/{workshop}/letters.pdf");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Each_letter_of_the_demo_follow_up_fits_one_page_with_its_sign_off_and_contact_line()
    {
        var followUp = await server.QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DemoMeetings.FollowUpTitleEn).Select(m => m.Id).SingleAsync());
        var organizations = await server.QueryAsync(db => db.Invitations.Where(i => i.MeetingId == followUp).Select(i => i.OrganizationId).Distinct().CountAsync());
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var pdf = await (await staff.GetAsync($"/meetings/{followUp}/letters.pdf")).Content.ReadAsByteArrayAsync();
        await KeepPagesAsImagesAsync(pdf, "follow-up-letters");
        // A letter and its agenda for each organization: a letter running onto a second page would add one.
        Assert.Equal(2 * organizations, await Poppler.PagesAsync(pdf));
        var pages = (await Poppler.RunAsync("pdftotext", pdf, "-layout")).Split('\f');
        for (var i = 0; i < 2 * organizations; i += 2)
        {
            Assert.True(pages[i].Contains("ขอแสดงความนับถือ", StringComparison.Ordinal) || pages[i].Contains("Yours sincerely", StringComparison.Ordinal), $"page {i + 1}: {pages[i]}");
            Assert.True(pages[i].Contains("ฝ่ายประสานงานภาคี", StringComparison.Ordinal) || pages[i].Contains("Partnerships team", StringComparison.Ordinal), $"page {i + 1}: {pages[i]}");
            Assert.DoesNotContain("ประชุมประชุม", pages[i]);
        }
    }

    private static string Compact(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    /// <summary>The pages as PNG under TestResults/screenshots, to be looked at.</summary>
    private static async Task KeepPagesAsImagesAsync(byte[] pdf, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kktt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var argument in new[] { "-png", "-r", "60", file, Browser.ScreenshotPath(name) }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
