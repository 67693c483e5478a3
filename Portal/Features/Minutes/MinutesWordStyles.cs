using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Features.Minutes;

/// <summary>
/// The Word styles, numbering and page set-up of <see cref="MinutesWordDocument"/>: A4 with the margins of Thai official
/// documents (as <see cref="PrintStyles"/>: top 2.5 cm, right 2 cm, bottom 2 cm, left 3 cm), TH Sarabun New 16 pt for Thai
/// (complex script) and Latin text alike.
/// </summary>
public static class MinutesWordStyles
{
    public const string Font = "TH Sarabun New";
    /// <summary>The font Word and LibreOffice look for where TH Sarabun New is not installed: the Sarabun the PDF embeds.</summary>
    public const string FallbackFont = "Sarabun";

    public const string AttendeeList = "AttendeeList";
    public const string AttendeeListContinued = "AttendeeListContinued";
    public const string ListParagraph = "ListParagraph";
    public const string ResolutionLabel = "ResolutionLabel";
    public const string Signature = "MinutesSignature";
    public const string Rule = "MinutesRule";
    public const string DraftMark = "DraftMark";
    public const string ActionItemsTable = "ActionItemsTable";

    /// <summary>Twentieths of a point: A4 and its margins.</summary>
    private const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1418, MarginRight = 1134, MarginBottom = 1134, MarginLeft = 1701;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>Half-points: 16 pt body text, 18 pt title, 12 pt footer, 20 pt draft mark.</summary>
    private const string BodySize = "32", TitleSize = "36", FooterSize = "24", DraftSize = "40";

    public static void AddStyles(MainDocumentPart main, bool thai)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize },
                new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = thai ? "th-TH" : "en-GB", Bidi = "th-TH" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));

        part.Styles = new Styles(defaults,
            ParagraphStyle("Normal", "Normal", null, isDefault: true, primary: true),
            ParagraphStyle("Title", "Title", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "40" }, new Justification { Val = JustificationValues.Center }),
                run: new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = TitleSize }, new FontSizeComplexScript { Val = TitleSize })),
            ParagraphStyle("Subtitle", "Subtitle", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center })),
            Heading(1, before: "288"),
            Heading(2, before: "240"),
            Heading(3, before: "120"),
            ParagraphStyle("BodyText", "Body Text", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }, new Indentation { FirstLine = "1418" })),
            ParagraphStyle(ListParagraph, "List Paragraph", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20" }, new Indentation { Left = "720" }, new ContextualSpacing())),
            ParagraphStyle(AttendeeList, "Attendee List", ListParagraph, primary: true,
                paragraph: new StyleParagraphProperties(new Indentation { Left = "567", Hanging = "567" })),
            ParagraphStyle(AttendeeListContinued, "Attendee List Continued", ListParagraph,
                paragraph: new StyleParagraphProperties(new Indentation { Left = "567" })),
            ParagraphStyle("Quote", "Quote", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new Indentation { Left = "720", Right = "720" })),
            ParagraphStyle(ResolutionLabel, "Resolution Label", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "80" }),
                run: new StyleRunProperties(new Bold(), new BoldComplexScript())),
            ParagraphStyle(Signature, "Signature Block", "Normal", primary: true,
                paragraph: new StyleParagraphProperties(new KeepLines(), new Indentation { Left = (TextWidth - 5103).ToString(CultureInfo.InvariantCulture) },
                    new Justification { Val = JustificationValues.Center })),
            // The short centred rule under the heading (the PDF's <hr>): a bottom border, indented to 40% of the line.
            ParagraphStyle(Rule, "Heading Rule", "Normal",
                paragraph: new StyleParagraphProperties(
                    new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
                    new SpacingBetweenLines { After = "200", Line = "120", LineRule = LineSpacingRuleValues.Exact },
                    new Indentation { Left = (TextWidth * 3 / 10).ToString(CultureInfo.InvariantCulture), Right = (TextWidth * 3 / 10).ToString(CultureInfo.InvariantCulture) })),
            ParagraphStyle("Header", "header", "Normal",
                paragraph: new StyleParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth }))),
            ParagraphStyle("Footer", "footer", "Normal",
                paragraph: new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
                run: new StyleRunProperties(new FontSize { Val = FooterSize }, new FontSizeComplexScript { Val = FooterSize })),
            ParagraphStyle(DraftMark, "Draft Mark", "Header", primary: true,
                paragraph: new StyleParagraphProperties(new Justification { Val = JustificationValues.Right }),
                run: new StyleRunProperties(new Bold(), new BoldComplexScript(), new Color { Val = "B00020" }, new FontSize { Val = DraftSize }, new FontSizeComplexScript { Val = DraftSize })),
            new Style(
                new StyleName { Val = "Normal Table" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
            ActionItemsTableStyle());
        part.Styles.Save();
    }

    private static Style Heading(int level, string before) =>
        ParagraphStyle($"Heading{level}", $"heading {level}", "Normal", primary: true,
            paragraph: new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = before, After = "60" },
                new OutlineLevel { Val = level - 1 }),
            run: new StyleRunProperties(new Bold(), new BoldComplexScript()));

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault = false, bool primary = false,
        StyleParagraphProperties? paragraph = null, StyleRunProperties? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = id is "Title" or "Subtitle" || id.StartsWith("Heading", StringComparison.Ordinal) ? "Normal" : id });
        if (primary) style.Append(new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    /// <summary>Black single lines around every cell; the header row bold on grey.</summary>
    private static Style ActionItemsTableStyle()
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        return new Style(
            new StyleName { Val = "Action Items Table" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 59 },
            new PrimaryStyle(),
            new StyleTableProperties(
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })),
            new TableStyleProperties(
                new RunPropertiesBaseStyle(new Bold(), new BoldComplexScript()),
                new TableStyleConditionalFormattingTableRowProperties(new TableHeader()),
                new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEEEEE" }))
            { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = ActionItemsTable };
    }

    /// <summary>TH Sarabun New, a Thai font (charset DE), with Sarabun as its alternate name for machines without it.</summary>
    public static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            new DocumentFormat.OpenXml.Wordprocessing.Font(
                new AltName { Val = FallbackFont },
                new FontCharSet { Val = "DE" },
                new FontFamily { Val = FontFamilyValues.Swiss },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = Font },
            new DocumentFormat.OpenXml.Wordprocessing.Font(
                new FontCharSet { Val = "DE" },
                new FontFamily { Val = FontFamilyValues.Swiss },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = FallbackFont });
        part.Fonts.Save();
    }

    public static void AddSettings(MainDocumentPart main, bool thai)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        part.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
            new ThemeFontLanguages { Val = thai ? "th-TH" : "en-GB", Bidi = "th-TH" });
        part.Settings.Save();
    }

    /// <summary>The section: A4 portrait, the official margins, the footer with page numbers and (on drafts) the header with the draft mark.</summary>
    public static SectionProperties PageSetUp(MainDocumentPart main, Paragraph footer, Paragraph? draftMark)
    {
        var section = new SectionProperties();
        if (draftMark is not null)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(draftMark);
            header.Header.Save();
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }
        var footerPart = main.AddNewPart<FooterPart>();
        footerPart.Footer = new Footer(footer);
        footerPart.Footer.Save();
        section.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = MarginTop, Right = MarginRight, Bottom = MarginBottom, Left = MarginLeft, Header = 567, Footer = 567, Gutter = 0 });
        return section;
    }

    /// <summary>A field Word computes when it lays out the page (PAGE, NUMPAGES), with a placeholder result.</summary>
    public static SimpleField Field(string instruction) =>
        new(new Run(new Text("1"))) { Instruction = $" {instruction} " };

    /// <summary>Makes a paragraph an item of a numbered or bulleted list.</summary>
    public static Paragraph ListItem(Paragraph paragraph, int numberingId, int level)
    {
        paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(
            new NumberingLevelReference { Val = level }, new NumberingId { Val = numberingId });
        return paragraph;
    }

    /// <summary>The numbering definitions: the attendee lists (1. 2. 3., each list from 1), and Markdown's bullets and numbered lists.</summary>
    public sealed class Numbering
    {
        private const int AttendeeAbstract = 1, BulletAbstract = 2, OrderedAbstract = 3;
        private readonly List<(int Id, int Abstract, int Start)> instances = [];

        /// <summary>The one bullet list instance: bullets need no restart.</summary>
        public int Bullets => bullets ??= New(BulletAbstract, 1);
        private int? bullets;

        public int NewAttendeeList() => New(AttendeeAbstract, 1);

        public int NewOrderedList(int start) => New(OrderedAbstract, start);

        private int New(int abstractId, int start)
        {
            var id = instances.Count + 1;
            instances.Add((id, abstractId, start));
            return id;
        }

        public void AddTo(MainDocumentPart main)
        {
            var part = main.AddNewPart<NumberingDefinitionsPart>();
            var numbering = new DocumentFormat.OpenXml.Wordprocessing.Numbering(
                Abstract(AttendeeAbstract, level => Level(level, NumberFormatValues.Decimal, $"%{level + 1}.", 567 + level * 567, 567, level == 0 ? AttendeeList : null)),
                Abstract(BulletAbstract, level => Level(level, NumberFormatValues.Bullet, level % 2 == 0 ? "•" : "◦", 720 + level * 360, 360, null)),
                Abstract(OrderedAbstract, level => Level(level, NumberFormatValues.Decimal, $"%{level + 1}.", 720 + level * 360, 360, null)));
            foreach (var (id, abstractId, start) in instances)
                numbering.Append(new NumberingInstance(
                    new AbstractNumId { Val = abstractId },
                    new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 })
                { NumberID = id });
            part.Numbering = numbering;
            part.Numbering.Save();
        }

        private static AbstractNum Abstract(int id, Func<int, Level> level) =>
            new(new OpenXmlElement[] { new MultiLevelType { Val = MultiLevelValues.HybridMultilevel } }.Concat(Enumerable.Range(0, 9).Select(level))) { AbstractNumberId = id };

        private static Level Level(int level, NumberFormatValues format, string text, int left, int hanging, string? style)
        {
            var result = new Level { LevelIndex = level };
            result.Append(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format });
            if (style is not null) result.Append(new ParagraphStyleIdInLevel { Val = style });
            result.Append(new LevelText { Val = text }, new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = left.ToString(CultureInfo.InvariantCulture), Hanging = hanging.ToString(CultureInfo.InvariantCulture) }));
            return result;
        }
    }
}
