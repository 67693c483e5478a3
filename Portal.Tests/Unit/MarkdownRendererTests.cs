using Portal.Rendering;

namespace Portal.Tests.Unit;

public class MarkdownRendererTests
{
    [Fact]
    public void Markdown_becomes_formatted_html_and_Thai_text_survives_unchanged()
    {
        var html = MarkdownRenderer.ToSafeHtml("ที่ประชุม**รับทราบ**\n\n- เมืองรอง\n- Funding City");
        Assert.Contains("<strong>รับทราบ</strong>", html);
        Assert.Contains("<li>เมืองรอง</li>", html);
        Assert.Contains("<li>Funding City</li>", html);
    }

    [Theory]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](https://ok.example \"title\" onmouseover=alert(1))")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    public void Hostile_input_renders_inert(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml("ข้อความ " + markdown);
        AssertInert(html);
        Assert.Contains("ข้อความ", html);
    }

    /// <summary>Checks the parsed DOM, not the text: escaped markup shown as text is harmless.</summary>
    internal static void AssertInert(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "img", "svg", "iframe", "details", "object", "embed", "style", "form", "input", "math" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src")
                    Assert.Matches("^(https?|mailto):", attribute.Value.Trim());
            }
        }
    }

    [Fact]
    public void Web_links_stay_and_open_without_giving_the_target_a_handle_on_the_portal()
    {
        var html = MarkdownRenderer.ToSafeHtml("[รายงาน](https://www.worldbank.org/en/country/thailand)");
        Assert.Contains("href=\"https://www.worldbank.org/en/country/thailand\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void Empty_text_renders_nothing() => Assert.Equal("", MarkdownRenderer.ToSafeHtml("  \n "));
}
