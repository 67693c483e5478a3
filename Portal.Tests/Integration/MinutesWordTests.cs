using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;

namespace Portal.Tests.Integration;

/// <summary>The minutes as a Word document: valid Open XML, the PDF's text, the PDF's access rule, the draft mark.</summary>
[Collection(nameof(ServerCollection))]
public partial class MinutesWordTests(PortalServer server)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static async Task<byte[]> GetAsync(HttpClient client, string path, string mediaType = DocxType)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The paragraphs of the body (tables included) with their style, as Word would list them.</summary>
    private static List<(string Style, string Text)> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal", p.InnerText)).ToList();
    }

    private static string HeaderText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.HeaderParts.Select(h => h.Header.InnerText));
    }

    private static List<string> ValidationErrors(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Words only: no white space, no invisible joiners, no page numbers or draft marks of the PDF's margins.</summary>
    private static string Words(string text)
    {
        text = PageFurniture().Replace(text, "");
        return Invisible().Replace(text, "");
    }

    [GeneratedRegex(@"(หน้า / Page|หน้า|Page)\s*\d+\s*(/|of)\s*\d+|ร่าง · DRAFT")]
    private static partial Regex PageFurniture();

    [GeneratedRegex(@"[\s\u00AD\u200B-\u200D\u2060\uFEFF]+")]
    private static partial Regex Invisible();

    private async Task<int> DraftMeetingAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
        var draft = new Meeting
        {
            TitleTh = "ประชุมร่างทดสอบเอกสาร Word", TitleEn = "Draft Word test", Date = new DateOnly(2024, 10, 3), StartTime = new TimeOnly(9, 0),
            EndTime = new TimeOnly(11, 30), HostOrganizationId = kktt.Id,
            AgendaItems =
            [
                new AgendaItem
                {
                    Position = 1, TopicTh = "เรื่องแจ้งเพื่อทราบ", TopicEn = "For information",
                    DiscussionTh = "**ตัวหนา** และ *ตัวเอียง* และ ~~ขีดฆ่า~~ ดู https://example.org\n\n- ข้อหนึ่ง\n- ข้อสอง\n  1. ข้อย่อย\n\n" +
                                   "| หัวข้อ | จำนวน |\n|---|---|\n| งบประมาณ | 3 |\n\n> ข้อความอ้างอิง\n\n```\nโค้ด <b>\n```\n\n---\n\n### หัวข้อย่อย",
                    ResolutionTh = "ที่ประชุมรับทราบ", ResolutionEn = "The meeting took note.",
                },
                new AgendaItem { Position = 2, TopicTh = "เรื่องอื่น ๆ", TopicEn = "Other matters", DiscussionEn = "Only in English \u0001 with a control character." },
            ],
        };
        db.Meetings.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    [Fact]
    public async Task The_minutes_are_valid_Open_XML_in_every_language_and_as_a_draft()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await server.WorkshopIdAsync();
        var draft = await DraftMeetingAsync();
        foreach (var path in new[]
        {
            $"/meetings/{id}/minutes.docx?lang=th", $"/meetings/{id}/minutes.docx?lang=en", $"/meetings/{id}/minutes.docx?lang=bilingual",
            $"/meetings/{draft}/minutes.docx?lang=th", $"/meetings/{draft}/minutes.docx?lang=en", $"/meetings/{draft}/minutes.docx?lang=bilingual",
        })
        {
            var docx = await GetAsync(client, path);
            var errors = ValidationErrors(docx);
            Assert.True(errors.Count == 0, $"{path}:\n{string.Join("\n", errors)}");
        }

        // The draft's Markdown is Word's own formatting: bold runs, list paragraphs with numbering, a table.
        using var document = WordprocessingDocument.Open(new MemoryStream(await GetAsync(client, $"/meetings/{draft}/minutes.docx?lang=th")), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "ตัวหนา" && r.RunProperties?.Bold is not null && r.RunProperties.BoldComplexScript is not null);
        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "ขีดฆ่า" && r.RunProperties?.Strike is not null);
        foreach (var item in new[] { "ข้อหนึ่ง", "ข้อสอง", "ข้อย่อย" })
            Assert.NotNull(body.Descendants<Paragraph>().Single(p => p.InnerText == item).ParagraphProperties?.NumberingProperties);
        Assert.Contains(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>(), t => t.InnerText.Contains("งบประมาณ"));
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText == "โค้ด <b>");
        // English-only text in Thai minutes is printed and marked, as in the PDF; a control character is dropped.
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText == "(มีเฉพาะภาษาอังกฤษ)");
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText.StartsWith("Only in English ", StringComparison.Ordinal) && !p.InnerText.Contains('\u0001'));
    }

    [Fact]
    public async Task Hostile_text_stays_text_and_the_document_stays_valid()
    {
        int id;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
            // (Half a surrogate pair cannot be stored in PostgreSQL: the test below hands it to the document directly.)
            var strings = HostileStrings.Short(2000).ToList();
            var meeting = new Meeting
            {
                TitleTh = "ประชุม <script>alert(1)</script>", TitleEn = "\u202Egnp.exe\u202C", Date = new DateOnly(2024, 10, 4), StartTime = new TimeOnly(9, 0),
                HostOrganizationId = kktt.Id,
                AgendaItems = strings.Select((text, i) => new AgendaItem
                {
                    Position = i + 1, TopicTh = text.Length > 200 ? text[..200] : text, TopicEn = "Item", DiscussionTh = text, DiscussionEn = text, ResolutionTh = text,
                }).ToList(),
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            id = meeting.Id;
        }
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var docx = await GetAsync(client, $"/meetings/{id}/minutes.docx?lang=bilingual");
        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        var text = string.Join("\n", Paragraphs(docx).Select(p => p.Text));
        Assert.Contains("ประชุม <script>alert(1)</script>", text);      // printed as typed, never as markup
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(document.MainDocumentPart!.HyperlinkRelationships);
        Assert.Empty(document.MainDocumentPart.ExternalRelationships);
    }

    [Fact]
    public void What_XML_cannot_hold_is_left_out_even_if_a_record_still_holds_it()
    {
        var broken = "ก\u0001ข half \uD800 pair \uDC00 🇹🇭 \uFFFF end";
        var document = new Portal.Features.Minutes.MinutesDocument(1, 1, MinutesStatus.Draft, MeetingKind.Workshop, broken, broken, null,
            new DateOnly(2024, 7, 31), new TimeOnly(13, 30), null, new Portal.Localization.Bilingual(broken, broken), Portal.Localization.Bilingual.Empty, [],
            null, null, [], [new Portal.Features.Minutes.MinutesAgendaItem(1, false, broken, broken, null, broken, null, null, null)], []);
        var docx = Portal.Features.Minutes.MinutesWordDocument.Build(new Portal.Features.Minutes.MinutesPdfService.Printable(document, true, []),
            Portal.Features.Minutes.PrintLanguage.Bilingual);
        Assert.Empty(ValidationErrors(docx));
        var title = Paragraphs(docx).First(p => p.Style == "Title").Text;
        Assert.Equal("รายงานการประชุม กข half  pair  🇹🇭  end", title);
    }

    [Fact]
    public async Task The_document_uses_real_Word_styles_TH_Sarabun_New_A4_and_the_official_margins()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var docx = await GetAsync(client, $"/meetings/{await server.WorkshopIdAsync()}/minutes.docx?lang=th");
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        var ids = styles.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet();
        foreach (var expected in new[] { "Normal", "Title", "Heading1", "Heading2", "AttendeeList", "ActionItemsTable" })
            Assert.Contains(expected, ids);
        var fonts = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("TH Sarabun New", fonts.ComplexScript);
        Assert.Equal("TH Sarabun New", fonts.Ascii);
        Assert.Equal("32", styles.DocDefaults.RunPropertiesDefault.RunPropertiesBaseStyle.FontSizeComplexScript!.Val);

        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        var margins = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((1418, 1134u, 1134, 1701u), (margins.Top!.Value, margins.Right!.Value, margins.Bottom!.Value, margins.Left!.Value));

        var body = main.Document.Body!;
        Assert.Contains(body.Descendants<Paragraph>(), p => p.ParagraphProperties?.NumberingProperties is not null);
        Assert.Single(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        // Thai runs are complex script in Thai.
        var thaiRun = body.Descendants<Run>().First(r => r.InnerText.Contains("ผู้มาประชุม"));
        Assert.NotNull(thaiRun.RunProperties?.ComplexScript);
        Assert.Equal("th-TH", thaiRun.RunProperties!.Languages!.Bidi);
        // The footer numbers the pages.
        Assert.Contains(main.FooterParts.Single().Footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
    }

    [Theory]
    [InlineData("th")]
    [InlineData("en")]
    [InlineData("bilingual")]
    public async Task The_Word_document_says_what_the_PDF_says(string language)
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await server.WorkshopIdAsync();
        var paragraphs = Paragraphs(await GetAsync(client, $"/meetings/{id}/minutes.docx?lang={language}"));
        var pdf = Words(await Poppler.RunAsync("pdftotext", await GetAsync(client, $"/meetings/{id}/minutes.pdf?lang={language}", "application/pdf")));

        var titles = paragraphs.Where(p => p.Style == "Title").ToList();
        var topics = paragraphs.Where(p => p.Style == "Heading2").ToList();
        var attendees = paragraphs.Where(p => p.Style is "AttendeeList" or "AttendeeListContinued").ToList();
        var resolutions = paragraphs.SkipWhile(p => p.Style != "ResolutionLabel")
            .Where((p, i) => i > 0 && p.Style == "BodyText" && paragraphs[paragraphs.IndexOf(p) - 1].Style == "ResolutionLabel").ToList();
        var languages = language == "bilingual" ? 2 : 1;
        Assert.Equal(languages, titles.Count);
        Assert.True(topics.Count >= 3 * languages, $"{topics.Count} agenda topics");
        Assert.True(attendees.Count >= 15 * languages, $"{attendees.Count} attendee lines");
        Assert.NotEmpty(resolutions);
        foreach (var (style, text) in titles.Concat(topics).Concat(attendees).Concat(resolutions))
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"an empty {style} paragraph");
            Assert.True(pdf.Contains(Words(text), StringComparison.Ordinal), $"{style} \"{text}\" is not in the PDF");
        }

        var all = string.Join("\n", paragraphs.Select(p => p.Text));
        var expected = language switch
        {
            "en" => new[] { "Minutes of the Infrastructure Potential", "Mrs. Melinda Good", "Opened at 13:30", "Resolution", "Minutes checked by" },
            _ => ["รายงานการประชุม ศักยภาพด้านโครงสร้างพื้นฐาน", "นางเมลินดา กู๊ด", "เริ่มประชุมเวลา 13.30 น.", "มติที่ประชุม", "เกือบ 15 เท่า", "ผู้ตรวจรายงานการประชุม"],
        };
        foreach (var piece in expected)
            Assert.Contains(piece, all);
    }

    [Fact]
    public async Task Only_those_who_may_print_the_minutes_get_the_Word_document()
    {
        var id = await server.WorkshopIdAsync();
        var draft = await DraftMeetingAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await server.NewClient().GetAsync($"/meetings/{id}/minutes.docx")).StatusCode);

        // A partner never gets minutes that were not approved, nor a meeting its organization did not attend.
        var worldBank = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        Assert.Equal(HttpStatusCode.NotFound, (await worldBank.GetAsync($"/meetings/{draft}/minutes.docx")).StatusCode);
        var outsider = await server.PartnerClientAsync("CMKL");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/meetings/{id}/minutes.docx")).StatusCode);
        // The World Bank attended the workshop: its partner gets the approved minutes.
        Assert.Contains(Paragraphs(await GetAsync(worldBank, $"/meetings/{id}/minutes.docx")), p => p.Text.Contains("ผู้มาประชุม"));

        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var response = await staff.GetAsync($"/meetings/{id}/minutes.docx?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("2024-07-31 Infrastructure Potential for Developing Khon Kaen Smart City (en).docx", disposition.FileName?.Trim('"'));
        Assert.Equal("2024-07-31 Infrastructure Potential for Developing Khon Kaen Smart City (en).docx", disposition.FileNameStar);
        var thai = (await staff.GetAsync($"/meetings/{id}/minutes.docx?lang=th")).Content.Headers.ContentDisposition!;
        Assert.Equal("2024-07-31 ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น (th).docx", thai.FileNameStar);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/meetings/{draft}/minutes.docx")).StatusCode);
        // Each download is in the audit log, as the PDF's are.
        var export = await server.QueryAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.Exported && a.EntityId == draft.ToString()).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Contains("minutes.docx", export.Changes);
        Assert.Equal(PortalHost.DemoAccount(Roles.Staff), export.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/meetings/{id}/minutes.docx?version=99")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_marked_draft_on_every_page_and_approved_minutes_are_not()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var draft = await DraftMeetingAsync();
        Assert.Equal("ร่าง", HeaderText(await GetAsync(client, $"/meetings/{draft}/minutes.docx?lang=th")));
        Assert.Equal("DRAFT", HeaderText(await GetAsync(client, $"/meetings/{draft}/minutes.docx?lang=en")));
        var bilingual = await GetAsync(client, $"/meetings/{draft}/minutes.docx?lang=bilingual");
        Assert.Equal("ร่าง · DRAFT", HeaderText(bilingual));
        using (var document = WordprocessingDocument.Open(new MemoryStream(bilingual), false))
        {
            // The header is the section's default one: on every page.
            var reference = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<HeaderReference>()!;
            Assert.Equal(HeaderFooterValues.Default, reference.Type!.Value);
        }

        var id = await server.WorkshopIdAsync();
        foreach (var language in new[] { "th", "en", "bilingual" })
        {
            var approved = await GetAsync(client, $"/meetings/{id}/minutes.docx?lang={language}");
            Assert.Equal("", HeaderText(approved));
            Assert.DoesNotContain(Paragraphs(approved), p => p.Text.Contains("DRAFT") || p.Style == "DraftMark");
        }
    }
}
