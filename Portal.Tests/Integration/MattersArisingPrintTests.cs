using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.DemoData;
using Portal.Features.ActionItems;

namespace Portal.Tests.Integration;

/// <summary>The demo follow-up's เรื่องสืบเนื่อง in the PDF's text and the Word document's: the workshop's TEM report commitment, carried.</summary>
/// A server of its own: the item must still be open, and the partner's journey on the shared server closes it.
public sealed partial class MattersArisingPrintTests : OwnServerTests
{
    [GeneratedRegex(@"[\s\u00AD\u200B-\u200D\u2060\uFEFF]+")]
    private static partial Regex Invisible();

    private static string Words(string text) => Invisible().Replace(text, "");

    private Task<int> FollowUpAsync() => Server.QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DemoMeetings.FollowUpTitleEn).Select(m => m.Id).SingleAsync());

    private static async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        // This portal's printer starts with its first document; on a loaded machine that start may outlast the deadline,
        // and the portal answers 503 "try again in a few seconds" (PrinterFaultTests test that answer). A user tries again.
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is { } wait)
        {
            await Task.Delay(wait);
            response = await client.GetAsync(path);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_follow_up_minutes_pdf_and_docx_carry_the_TEM_report_commitment_under_matters_arising()
    {
        var client = await Server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await FollowUpAsync();
        var item = DemoActionItems.All().Single(e => e.Item.TitleEn == DemoActionItems.WorldBankReportTitleEn).Item;

        var thai = Words(await Poppler.RunAsync("pdftotext", await GetAsync(client, $"/meetings/{id}/minutes.pdf?lang=th")));
        var arising = thai.IndexOf(Words("ระเบียบวาระที่ 3 เรื่องสืบเนื่อง"), StringComparison.Ordinal);
        Assert.True(arising >= 0, thai);
        var carried = thai.IndexOf(Words("3.") , arising, StringComparison.Ordinal);
        Assert.True(carried > arising);
        Assert.Contains(Words(item.TitleTh), thai[arising..]);
        Assert.Contains(Words("จากการประชุมครั้งที่ 1/2567"), thai);
        Assert.Contains(Words("สถานะ กำลังดำเนินการ"), thai);
        Assert.Contains(Words("ความคืบหน้าล่าสุด"), thai);
        Assert.True(thai.IndexOf(Words(item.TitleTh), StringComparison.Ordinal) < thai.IndexOf(Words("ระเบียบวาระที่ 4"), StringComparison.Ordinal));

        var english = Words(await Poppler.RunAsync("pdftotext", await GetAsync(client, $"/meetings/{id}/minutes.pdf?lang=en")));
        Assert.Contains(Words(item.TitleEn), english);
        Assert.Contains(Words("from meeting No. 1/2024"), english);

        using var docx = WordprocessingDocument.Open(new MemoryStream(await GetAsync(client, $"/meetings/{id}/minutes.docx?lang=bilingual")), false);
        var text = Words(docx.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Contains(Words("เรื่องสืบเนื่อง"), text);
        Assert.Contains(Words("3.1"), text);
        Assert.Contains(Words(item.TitleTh), text);
        Assert.Contains(Words(item.TitleEn), text);
        Assert.Contains(Words("In progress"), text);
    }
}
