using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Features.Reports;

namespace Portal.Tests.Integration;

/// <summary>
/// The engagement report's downloads over the demo data for B.E. 2567–2569: the workbook read with the Open XML SDK
/// (valid, a sheet per table, dates as date cells, numbers as numbers), the PDF read with pdftotext, and partners refused.
/// </summary>
[Collection(nameof(ServerCollection))]
public class ReportExportTests(PortalServer server)
{
    private const string Period = "from=2024-01-01&to=2026-12-31";

    private Task<EngagementReport> ExpectedAsync() => ReportAsync(server, new ReportQuery(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)));

    /// <summary>The report as the service makes it for staff on this server now, to compare a download or a page with.</summary>
    internal static async Task<EngagementReport> ReportAsync(PortalServer server, ReportQuery query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var http = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        http.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Staff)], "Test")),
        };
        return await scope.ServiceProvider.GetRequiredService<ReportService>().EngagementAsync(query);
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_table_with_date_cells_and_numbers_that_match_the_report()
    {
        var expected = await ExpectedAsync();
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Coordinator));
        var response = await client.GetAsync($"/reports/engagement.xlsx?{Period}&lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("engagement-report-2024-01-01-2026-12-31.xlsx", response.Content.Headers.ContentDisposition!.ToString());

        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Summary", "Meetings by kind", "Type of organization", "Attendance per partner", "Commitments (action items)"],
            sheets.Select(s => s.Name!.Value));
        List<List<Cell>> Rows(int sheet) => ((WorksheetPart)workbook.GetPartById(sheets[sheet].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToList()).ToList();
        string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue!.Text;
        var formats = workbook.WorkbookStylesPart!.Stylesheet;
        string FormatOf(Cell cell)
        {
            var format = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            return formats.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!;
        }

        // Summary: the period as date cells (a serial number with a date format), the figures as numbers.
        var summary = Rows(0);
        Assert.Equal(["Item", "Figure"], summary[0].Select(Text));   // headers in words, never a resource key
        var from = summary.Single(r => Text(r[0]) == "From")[1];
        Assert.Null(from.DataType);
        Assert.Equal("yyyy-mm-dd", FormatOf(from));
        Assert.Equal(new DateTime(2024, 1, 1), DateTime.FromOADate(double.Parse(from.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var held = summary.Single(r => Text(r[0]) == "Meetings held")[1];
        Assert.Null(held.DataType);
        Assert.Equal(expected.MeetingsHeld.ToString(), held.CellValue!.Text);
        Assert.True(expected.MeetingsHeld >= 2, "the workshop and the SCOPC visit were held in 2567");

        // Meetings by kind: a row per kind, numbers summing to the meetings held.
        var kinds = Rows(1);
        Assert.Equal(["Kind of meeting", "Held", "Planned"], kinds[0].Select(Text));
        Assert.Equal(expected.MeetingsHeld, kinds.Skip(1).Sum(r => int.Parse(r[1].CellValue!.Text)));

        // Attendance: every organization, the World Bank among them, with its last attendance as a date cell.
        var attendance = Rows(3);
        Assert.Equal(expected.Attendance.Count + 1, attendance.Count);
        var worldBank = attendance.Single(r => Text(r[1]) == "WB");
        Assert.True(int.Parse(worldBank[3].CellValue!.Text) >= 1);
        Assert.Equal("yyyy-mm-dd", FormatOf(worldBank[5]));

        // Commitments: made, done, then each class, as numbers with their share.
        var commitments = Rows(4);
        Assert.Equal(expected.Commitments.Made.ToString(), commitments.Single(r => Text(r[0]) == "Made")[1].CellValue!.Text);
        Assert.Equal(expected.Commitments.Overdue.ToString(), commitments.Single(r => Text(r[0]) == "Overdue")[1].CellValue!.Text);
    }

    [Theory]
    [InlineData("th", "รายงานการมีส่วนร่วมของภาคีเครือข่าย", "ตั้งแต่ 1 มกราคม 2567 ถึง 31 ธันวาคม 2569", "เสร็จตามกำหนด")]
    [InlineData("en", "Engagement report", "1 January 2024 to 31 December 2026", "Done on time")]
    public async Task The_PDF_holds_the_figures_in_the_readers_language(string lang, string title, string period, string onTime)
    {
        var expected = await ExpectedAsync();
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var response = await client.GetAsync($"/reports/engagement.pdf?{Period}&lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(Browser.ScreenshotPath("x"))!, $"engagement-report-{lang}.pdf"), pdf);

        var text = System.Text.RegularExpressions.Regex.Replace(await Poppler.RunAsync("pdftotext", pdf, "-layout"), @"[\u200B-\u200D\u2060]", "");
        Assert.Contains(title, text);
        Assert.Contains(period, text);
        Assert.Contains(onTime, text);
        Assert.Contains(lang == "th" ? "ธนาคารโลก" : "World Bank", text);
        // The meetings table's total row: held, then planned.
        Assert.Matches($@"{(lang == "th" ? "รวม" : "Total")} {expected.MeetingsHeld} {expected.MeetingsPlanned}\b", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
    }

    [Fact]
    public async Task A_report_on_one_organization_names_it_in_the_download()
    {
        var worldBank = await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Organizations.Where(o => o.Acronym == Portal.DemoData.DemoOrganizations.WorldBank).Select(o => o.Id)));
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var thai = (await client.GetAsync($"/reports/engagement.xlsx?{Period}&org={worldBank}&lang=th")).Content.Headers.ContentDisposition!;
        Assert.Equal($"engagement-report-organization-{worldBank}-2024-01-01-2026-12-31.xlsx", thai.FileName!.Trim('"'));
        Assert.Equal("รายงานการมีส่วนร่วม ธนาคารโลกประจำประเทศไทย 2024-01-01 – 2026-12-31.xlsx", thai.FileNameStar);
        var english = (await client.GetAsync($"/reports/engagement.xlsx?{Period}&org={worldBank}&lang=en")).Content.Headers.ContentDisposition!;
        Assert.Equal("Engagement report World Bank Thailand 2024-01-01 – 2026-12-31.xlsx", english.FileNameStar);
    }

    [Fact]
    public async Task A_partner_and_a_stranger_get_neither_download_nor_the_page()
    {
        var partner = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        foreach (var path in new[] { "/reports", $"/reports/engagement.xlsx?{Period}", $"/reports/engagement.pdf?{Period}" })
        {
            var response = await partner.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
            var anonymous = await server.NewClient().GetAsync(path);
            Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
        }
        // A period that is no period is refused, not guessed at.
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/reports/engagement.xlsx?from=2026-12-31&to=2024-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/reports/engagement.xlsx?from=31/12/2569&to=2024-01-01")).StatusCode);
    }
}
