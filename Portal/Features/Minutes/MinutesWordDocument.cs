using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Localization;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Portal.Features.Minutes;

/// <summary>
/// The minutes as an editable Word document (.docx): the same content in the same order as the PDF (<see cref="MinutesPrint"/>),
/// built from the <see cref="MinutesDocument"/> with real Word styles (Title, Heading 1–3, Normal, a numbered attendee list,
/// a table style for the action items), on A4 with the margins of Thai official documents, in TH Sarabun New 16 pt, page
/// numbers in the footer and the draft mark in the header. Styles, numbering and the page set-up are in <see cref="MinutesWordStyles"/>.
/// </summary>
public sealed class MinutesWordDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Markdown read the way <see cref="Rendering.MarkdownRenderer"/> reads it for the page and the PDF.</summary>
    private static readonly MarkdownPipeline Pipeline = Rendering.MarkdownRenderer.Pipeline;

    private readonly MinutesPdfService.Printable printable;
    private readonly PrintLanguage language;
    private readonly List<OpenXmlElement> body = [];
    private readonly MinutesWordStyles.Numbering numbering = new();

    private MinutesWordDocument(MinutesPdfService.Printable printable, PrintLanguage language)
    {
        this.printable = printable;
        this.language = language;
    }

    private MinutesDocument Document => printable.Document;
    private IReadOnlyList<bool> Languages => PrintLanguages.Thai(language);
    private bool Main => Languages[0];
    private bool IsBilingual => language == PrintLanguage.Bilingual;

    /// <summary>The .docx file of these minutes in this language.</summary>
    public static byte[] Build(MinutesPdfService.Printable printable, PrintLanguage language)
    {
        var builder = new MinutesWordDocument(printable, language);
        builder.WriteBody();
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            MinutesWordStyles.AddStyles(main, builder.Main);
            MinutesWordStyles.AddFontTable(main);
            MinutesWordStyles.AddSettings(main, builder.Main);
            builder.numbering.AddTo(main);
            var sectionProperties = MinutesWordStyles.PageSetUp(main, builder.FooterParagraph(), builder.printable.Draft ? builder.DraftParagraph() : null);
            main.Document = new Document(new Body(builder.body.Append(sectionProperties)));
            main.Document.Save();
            package.PackageProperties.Title = XmlText($"{PrintText.Get("Minutes.Heading", builder.Main)} {builder.Document.Title(builder.Main)}");
            package.PackageProperties.Creator = PrintText.Get("App.Name", builder.Main);
            package.PackageProperties.Language = builder.Main ? "th-TH" : "en-GB";
        }
        return stream.ToArray();
    }

    private void WriteBody()
    {
        foreach (var thai in Languages)
            Add(Paragraph("Title", [Text(PrintText.Get("Minutes.Heading", thai) + " "), .. InLanguage(Document.TitleTh, Document.TitleEn, thai)]));
        if (Document.Series is { } series)
            foreach (var thai in Languages)
                Add(Paragraph("Subtitle", InLanguage(series.Th, series.En, thai)));
        if (Document.Number is { } number)
            foreach (var thai in Languages)
                Add(Paragraph("Subtitle", [Text(MeetingText.Number(number, Document.Date, thai))]));
        foreach (var thai in Languages)
            Add(Paragraph("Subtitle", [Text($"{PrintText.Get("Minutes.On", thai)} {PrintText.Date(Document.Date, thai)}")]));
        if (!string.IsNullOrEmpty(Document.Venue.Th))
            foreach (var thai in Languages)
                Add(Paragraph("Subtitle", [Text(PrintText.Get("Minutes.At", thai) + " "), .. InLanguage(Document.Venue.Th, EnglishVenue, thai)]));
        Add(Paragraph(MinutesWordStyles.Rule, []));

        People("Minutes.Present", Document.Present.ToList());
        People("Minutes.Absent", Document.Absent.ToList());
        People("Minutes.InAttendance", Document.InAttendance.ToList());

        Add(Paragraph("Heading1", [Text(BothAt("Minutes.OpenedAt", Document.StartTime))]));

        foreach (var item in Document.AgendaItems)
        {
            foreach (var thai in Languages)
                Add(Paragraph("Heading2",
                    [Text(string.Format(PrintText.Culture(thai), PrintText.Get("Agenda.ItemNumber", thai), item.Position) + " "), .. InLanguage(item.TopicTh, item.TopicEn, thai)]));
            foreach (var thai in Languages)
            {
                if (item.Presenter is { } presenter)
                    Add(Paragraph("Normal", [Text(string.Format(PrintText.Culture(thai), PrintText.Get("Agenda.PresentedBy", thai), "")), .. InLanguage(presenter.Th, presenter.En, thai)], keepNext: true));
                Block(item.DiscussionTh, item.DiscussionEn, thai);
            }
            if (item.MattersArising)
                MattersArising(item.Position);
            foreach (var thai in Languages)
            {
                if (item.Confirmation is null && string.IsNullOrWhiteSpace(item.ResolutionTh) && string.IsNullOrWhiteSpace(item.ResolutionEn)) continue;
                Add(Paragraph(MinutesWordStyles.ResolutionLabel, [Text(PrintText.Get("Agenda.Resolution", thai))]));
                if (item.Confirmation is { } confirmation)
                {
                    Add(Paragraph("Normal", [Text(PrintText.Get(confirmation == CarryForward.MinutesConfirmation.WithCorrections
                        ? "CarryForward.PrintWithCorrections" : "CarryForward.PrintWithoutCorrection", thai))]));
                    Block(item.CorrectionsTh, item.CorrectionsEn, thai);
                }
                Block(item.ResolutionTh, item.ResolutionEn, thai);
            }
        }

        if (printable.ActionItems.Count > 0)
        {
            Add(Paragraph("Heading1", [Text(Both("Print.ActionItems"))]));
            if (printable.OwnActionItemsOnly)
                foreach (var thai in Languages)
                    Add(Paragraph("Normal", [Text(PrintText.Get("Print.OwnActionItemsOnly", thai), italic: true)]));
            Add(ActionItemsTable(printable.ActionItems));
        }

        if (Document.EndTime is { } end)
            Add(Paragraph("Heading1", [Text(BothAt("Minutes.ClosedAt", end))]));

        Signature("Print.RecordedBy", Document.Recorder);
        Signature("Print.ReviewedBy", Document.Reviewer);
    }

    private void Add(OpenXmlElement element) => body.Add(element);

    /// <summary>เรื่องสืบเนื่อง: the carried items numbered under their agenda item, as <see cref="CarryForward.PrintMattersArising"/> prints them.</summary>
    private void MattersArising(int position)
    {
        var items = Document.CarriedItems ?? [];
        if (items.Count == 0)
        {
            foreach (var thai in Languages)
                Add(Paragraph("Normal", [Text(PrintText.Get("CarryForward.None", thai))]));
            return;
        }
        if (printable.OwnActionItemsOnly)
            foreach (var thai in Languages)
                Add(Paragraph("Normal", [Text(PrintText.Get("Print.OwnActionItemsOnly", thai), italic: true)]));
        var n = 0;
        foreach (var item in items)
        {
            n++;
            foreach (var thai in Languages)
                Add(Paragraph("Heading3", [Text(string.Create(CultureInfo.InvariantCulture, $"{position}.{n} ") + item.Title(thai))]));
            foreach (var thai in Languages)
            {
                Add(Paragraph("Normal", [Text($"({item.From(thai)})")]));
                var owners = new List<Run> { Text(PrintText.Get("ActionItem.Owners", thai) + " ", bold: true), Text(item.OwnerNames(thai)) };
                if (item.Assignee is { } assignee)
                    owners.AddRange([Text("\u2002" + PrintText.Get("ActionItem.Assignee", thai) + " ", bold: true), .. InLanguage(assignee.Th, assignee.En, thai)]);
                Add(Paragraph("Normal", owners));
                Add(Paragraph("Normal",
                [
                    Text(PrintText.Get("ActionItem.DueDate", thai) + " ", bold: true),
                    Text(item.DueDate is { } due ? ThaiDates.LongDate(due, PrintText.Culture(thai)) : "—"),
                    Text("\u2002" + PrintText.Get("ActionItem.Status", thai) + " ", bold: true),
                    Text(PrintText.Get($"ActionStatus.{item.Status}", thai)),
                ]));
            }
            if (item.LatestUpdate is { } update)
            {
                var at = item.LatestUpdateAt is { } when
                    ? " (" + string.Join(" / ", Languages.Select(thai => ThaiDates.LongDate(DateOnly.FromDateTime(ThaiDates.ToBangkok(when)), PrintText.Culture(thai)))) + ")"
                    : "";
                Add(Paragraph("Normal", [Text(Both("ActionItem.LatestUpdate") + at + " ", bold: true), Text(update)]));
            }
            if (!item.HasNote) continue;
            foreach (var thai in Languages)
            {
                if (item.Note(thai) is null && IsBilingual) continue;
                Add(Paragraph(MinutesWordStyles.ResolutionLabel, [Text(PrintText.Get("Agenda.Resolution", thai))]));
                Add(Paragraph("Normal", [Text(item.Note(thai) ?? item.Note(!thai)!)]));
            }
        }
    }

    /// <summary>A heading and a numbered list of people, as <see cref="PrintPeople"/> prints them.</summary>
    private void People(string titleKey, List<MinutesAttendee> people)
    {
        if (people.Count == 0) return;
        Add(Paragraph("Heading1", [Text(string.Join(" / ", Languages.Select(thai => PrintText.Get(titleKey, thai))))]));
        var list = numbering.NewAttendeeList();
        foreach (var person in people)
        {
            var first = true;
            foreach (var thai in Languages)
            {
                var separator = thai ? " " : ", ";
                var runs = new List<Run>(InLanguage(person.Name.Th, person.Name.En, thai));
                if (person.Position(thai) is not null)
                    runs.AddRange([Text(separator), .. InLanguage(person.PositionTh, person.PositionEn, thai)]);
                if (person.Organization.In(thai) is { Length: > 0 } organization && person.Position(thai)?.Contains(organization, StringComparison.Ordinal) != true
                    && !person.Name.In(thai).Contains(organization, StringComparison.Ordinal))
                    runs.AddRange([Text(separator), .. InLanguage(person.Organization.Th, person.Organization.En, thai)]);
                if (person.OnBehalfOfPerson is { } represented)
                    runs.AddRange([Text(" " + string.Format(CultureInfo.InvariantCulture, PrintText.Get("Attendee.OnBehalfOfShort", thai), "")), .. InLanguage(represented.Th, represented.En, thai)]);
                else if (person.OnBehalfOf is { } principal)
                    runs.Add(Text(" " + string.Format(CultureInfo.InvariantCulture, PrintText.Get("Attendee.OnBehalfOfShort", thai), principal)));
                if (person.AbsenceReason is not null || person.AbsenceReasonEn is not null)
                    runs.AddRange([Text(" ("), .. InLanguage(person.AbsenceReason, person.AbsenceReasonEn, thai), Text(")")]);
                // The first language's line carries the number; the other language's line follows it in the same item.
                Add(first ? MinutesWordStyles.ListItem(Paragraph(MinutesWordStyles.AttendeeList, runs), list, 0)
                          : Paragraph(MinutesWordStyles.AttendeeListContinued, runs));
                first = false;
            }
        }
    }

    private Paragraph FooterParagraph()
    {
        var label = IsBilingual ? $"{PrintText.Get("Print.Page", true)} / {PrintText.Get("Print.Page", false)}" : PrintText.Get("Print.Page", Main);
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            Text(label + " "), MinutesWordStyles.Field("PAGE"), Text(Main ? "/" : " of "), MinutesWordStyles.Field("NUMPAGES"));
    }

    private Paragraph DraftParagraph() =>
        Paragraph(MinutesWordStyles.DraftMark, [Text(IsBilingual ? $"{PrintText.Get("Print.Draft", true)} · {PrintText.Get("Print.Draft", false)}" : PrintText.Get("Print.Draft", Main))]);

    /// <summary>The action items as a table of the action-items table style, its header row repeated on every page.</summary>
    /// <summary>A full-width table in the portal's table style, its columns in twentieths of a point.</summary>
    private static WordTable NewTable(int[] widths) => new(
        new TableProperties(
            new TableStyle { Val = MinutesWordStyles.ActionItemsTable },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
        new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

    private WordTable ActionItemsTable(IReadOnlyList<ActionItemRow> items)
    {
        int[] widths = [3969, 2268, 2834];
        var table = NewTable(widths);
        table.Append(Row(widths, header: true,
            [[Paragraph("Normal", [Text(Both("ActionItem.Title"))])], [Paragraph("Normal", [Text(Both("ActionItem.Owners"))])], [Paragraph("Normal", [Text(Both("ActionItem.DueDate"))])]]));
        foreach (var item in items)
            table.Append(Row(widths, header: false,
            [
                Languages.Select(thai => Paragraph("Normal", [Text(item.Title(thai))])).ToList(),
                Languages.Select(thai => Paragraph("Normal", [Text(item.OwnerFullNames(thai))])).ToList(),
                Languages.Select(thai => Paragraph("Normal", [Text(item.DueDate is { } due ? ThaiDates.LongDate(due, PrintText.Culture(thai)) : "—")])).ToList(),
            ]));
        return table;
    }

    private static TableRow Row(int[] widths, bool header, List<List<Paragraph>> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(cells[i]);
            row.Append(cell);
        }
        return row;
    }

    /// <summary>A signature block of the official form at the right: "(ลงชื่อ) ....", the name in parentheses, the position, the role.</summary>
    private void Signature(string role, Signatory? signer)
    {
        var lines = new List<List<Run>> { new() { Text($"{PrintText.Get("Print.Signed", Languages[0])} ....................................") } };
        if (signer is { Name.Th.Length: > 0 })
        {
            var nameLanguages = Languages.Count > 1 && signer.Name.In(false) != signer.Name.Th ? Languages : Languages.Take(1);
            foreach (var thai in nameLanguages)
                lines.Add([Text($"({signer.Name.In(thai)})")]);
            foreach (var thai in Languages)
                if (signer.Position(thai) is not null)
                    lines.Add([Text(PrintText.Get("Print.PositionLine", thai) + " "), .. InLanguage(signer.PositionTh, signer.PositionEn, thai)]);
        }
        else
        {
            lines.Add([Text("( .................................... )")]);
        }
        foreach (var thai in Languages)
            lines.Add([Text(PrintText.Get(role, thai))]);
        for (var i = 0; i < lines.Count; i++)
        {
            var paragraph = Paragraph(MinutesWordStyles.Signature, lines[i], keepNext: i < lines.Count - 1);
            if (i == 0) paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "520" };
            Add(paragraph);
        }
    }

    /// <summary>A block of Markdown in one language; in bilingual minutes a missing translation is only marked, not repeated.</summary>
    private void Block(string? th, string? en, bool thai)
    {
        var own = thai ? th : en;
        var other = thai ? en : th;
        if (!string.IsNullOrWhiteSpace(own))
        {
            Markdown(own);
        }
        else if (!string.IsNullOrWhiteSpace(other))
        {
            Add(Paragraph("Normal", [Text(global::Portal.Features.Minutes.InLanguage.Marker(thai))]));
            if (!IsBilingual) Markdown(other);
        }
    }

    private void Markdown(string text)
    {
        foreach (var block in Markdig.Markdown.Parse(text, Pipeline))
            MarkdownBlock(block, listDepth: 0);
    }

    private void MarkdownBlock(Markdig.Syntax.Block block, int listDepth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Add(Paragraph("Heading3", Inlines(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                Add(Paragraph("BodyText", Inlines(paragraph.Inline)));
                break;
            case ListBlock list:
                var instance = list.IsOrdered ? numbering.NewOrderedList(int.TryParse(list.OrderedStart, out var start) ? start : 1) : numbering.Bullets;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var first = true;
                    foreach (var child in item)
                    {
                        if (child is ParagraphBlock itemParagraph)
                        {
                            var paragraph = Paragraph(MinutesWordStyles.ListParagraph, Inlines(itemParagraph.Inline));
                            Add(first ? MinutesWordStyles.ListItem(paragraph, instance, Math.Min(listDepth, 8)) : paragraph);
                            first = false;
                        }
                        else
                        {
                            MarkdownBlock(child, listDepth + 1);
                        }
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                    if (child is ParagraphBlock quoted) Add(Paragraph("Quote", Inlines(quoted.Inline)));
                    else MarkdownBlock(child, listDepth);
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                    Add(Paragraph("Normal", [Text(line.ToString())]));
                break;
            case ThematicBreakBlock:
                Add(Paragraph(MinutesWordStyles.Rule, []));
                break;
            case MarkdownTable table:
                Add(MarkdownTableOf(table));
                break;
            case ContainerBlock container:
                foreach (var child in container) MarkdownBlock(child, listDepth);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Add(Paragraph("Normal", Inlines(leaf.Inline)));
                break;
        }
    }

    private static WordTable MarkdownTableOf(MarkdownTable source)
    {
        var markdownRows = source.OfType<Markdig.Extensions.Tables.TableRow>().ToList();
        var columns = Math.Max(1, markdownRows.Select(r => r.Count).DefaultIfEmpty(1).Max());
        var width = 9071 / columns;
        var widths = Enumerable.Repeat(width, columns).ToArray();
        var table = NewTable(widths);
        foreach (var markdownRow in markdownRows)
        {
            var cells = new List<List<Paragraph>>();
            foreach (var cell in markdownRow.OfType<Markdig.Extensions.Tables.TableCell>().Take(columns))
            {
                var runs = cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToList();
                cells.Add([Paragraph("Normal", runs)]);
            }
            while (cells.Count < columns) cells.Add([Paragraph("Normal", [])]);
            table.Append(Row(widths, markdownRow.IsHeader, cells));
        }
        return table;
    }

    /// <summary>Markdown inlines as runs: bold, italic and struck-through text kept; links as their text.</summary>
    private static List<Run> Inlines(ContainerInline? container, bool bold = false, bool italic = false, bool strike = false)
    {
        var runs = new List<Run>();
        if (container is null) return runs;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(Text(literal.Content.ToString(), bold, italic, strike));
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterChar is '*' or '_' && emphasis.DelimiterCount >= 2;
                    var em = emphasis.DelimiterChar is '*' or '_' && emphasis.DelimiterCount == 1;
                    var del = emphasis.DelimiterChar == '~' && emphasis.DelimiterCount == 2;
                    runs.AddRange(Inlines(emphasis, bold || strong, italic || em, strike || del));
                    break;
                case CodeInline code:
                    runs.Add(Text(code.Content, bold, italic, strike));
                    break;
                case LineBreakInline:
                    runs.Add(new Run(new Break()));
                    break;
                case AutolinkInline autolink:
                    runs.Add(Text(autolink.Url, bold, italic, strike));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(Text(entity.Transcoded.ToString(), bold, italic, strike));
                    break;
                case ContainerInline nested:
                    runs.AddRange(Inlines(nested, bold, italic, strike));
                    break;
            }
        }
        return runs;
    }

    /// <summary>A text in the block's language, or the other language's text marked as such (as <see cref="global::Portal.Features.Minutes.InLanguage"/> prints it).</summary>
    private static List<Run> InLanguage(string? th, string? en, bool thai)
    {
        var own = Blank(thai ? th : en);
        var other = Blank(thai ? en : th);
        if (own is not null) return [Text(own)];
        if (other is null) return [];
        return [Text(other), Text(" " + global::Portal.Features.Minutes.InLanguage.Marker(thai))];
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private string Both(string key) => string.Join(" / ", Languages.Select(thai => PrintText.Get(key, thai).TrimEnd(':')));

    private string BothAt(string key, TimeOnly time) =>
        string.Join(" / ", Languages.Select(thai => $"{PrintText.Get(key, thai).TrimEnd(':')} {PrintText.Time(time, thai)}"));

    /// <summary>The venue in English as typed; null where the document holds the Thai in its place (as the PDF decides).</summary>
    private string? EnglishVenue => Document.Venue.En == Document.Venue.Th && (Document.Venue.Th ?? "").Any(IsThai) ? null : Document.Venue.En;

    private static Paragraph Paragraph(string style, IEnumerable<Run> runs, bool keepNext = false)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } };
        if (keepNext) properties.KeepNext = new KeepNext();
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>
    /// A run of text. Thai is complex script in Word: a run holding Thai is marked so (<c>w:cs</c>, language th-TH), and
    /// takes the complex-script font and size of its style.
    /// </summary>
    private static Run Text(string text, bool bold = false, bool italic = false, bool strike = false)
    {
        var clean = XmlText(text);
        var properties = new RunProperties();
        if (bold) { properties.Bold = new Bold(); properties.BoldComplexScript = new BoldComplexScript(); }
        if (italic) { properties.Italic = new Italic(); properties.ItalicComplexScript = new ItalicComplexScript(); }
        if (strike) properties.Strike = new Strike();
        if (clean.Any(IsThai))
        {
            properties.ComplexScript = new ComplexScript();
            properties.Languages = new Languages { Val = "th-TH", Bidi = "th-TH" };
        }
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(new Text(clean) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>The text less what XML cannot hold (control characters, a half of a surrogate pair): a record may be older than the cleaning of stored text.</summary>
    private static string XmlText(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                kept.Append(c).Append(text[++i]);
            else if (!char.IsSurrogate(c) && (c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)))
                kept.Append(c);
        }
        return kept.ToString();
    }

    private static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';
}
