using Ganss.Xss;
using Markdig;

namespace Portal.Rendering;

/// <summary>
/// Minutes text as HTML, the same everywhere it is shown (page, version history, PDF). Markdig turns Markdown into
/// HTML with raw HTML disabled, and the sanitizer then removes whatever could still run script — Markdig is not a
/// sanitizer: a <c>[link](javascript:…)</c> passes through it.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>How the portal reads Markdown, for the page, the PDF and the Word document alike.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "hr",
                "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
                link.SetAttribute("rel", "noopener noreferrer nofollow");
        };
        return sanitizer;
    }
}
