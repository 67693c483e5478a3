using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Portal.Auth;

namespace Portal.Tests.Integration;

/// <summary>What a phone downloads to show a page: every style and script compressed, the fonts as small WOFF2 files.</summary>
[Collection(nameof(ServerCollection))]
public partial class StaticAssetTests(PortalServer server)
{
    private static async Task<(HttpResponseMessage Response, long Bytes)> FetchAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return (response, (await response.Content.ReadAsByteArrayAsync()).LongLength);
    }

    [Fact]
    public async Task Every_style_and_script_of_the_dashboard_arrives_compressed_and_the_fonts_as_woff2()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var html = await client.GetStringAsync("/");
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Where(a => !a.StartsWith("data:")).Distinct().ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor.min") && a.EndsWith(".css"));
        Assert.Contains(assets, a => a.Contains("blazor.web"));

        var fonts = new List<string>();
        foreach (var asset in assets.Where(a => a.EndsWith(".css") || a.EndsWith(".js")))
        {
            var (response, bytes) = await FetchAsync(client, "/" + asset.TrimStart('/'));
            Assert.True(response.Content.Headers.ContentEncoding.Count == 1, $"{asset} is sent uncompressed ({bytes} bytes)");
            if (asset.Contains("fonts"))
                fonts.AddRange(FontReference().Matches(await client.GetStringAsync("/" + asset.TrimStart('/'))).Select(m => m.Groups[1].Value));
        }

        Assert.Equal(4, fonts.Count);
        foreach (var font in fonts)
        {
            Assert.EndsWith(".woff2", font);
            var (response, bytes) = await FetchAsync(client, "/" + font);
            Assert.Equal("font/woff2", response.Content.Headers.ContentType?.MediaType);
            Assert.InRange(bytes, 10_000, 30_000);   // cut to the portal's scripts: a whole Sarabun TrueType is 83 KB
        }
        // How small the compressed copies are shows only in a published build (a Debug build stores them uncompressed
        // for speed): benchmark-first-visit measures it.
    }

    [Fact]
    public async Task The_web_fonts_carry_thai_and_latin_and_the_printer_keeps_the_whole_font()
    {
        var font = await server.NewClient().GetByteArrayAsync("/fonts/Sarabun_400Regular.woff2");
        Assert.Equal("wOF2"u8.ToArray(), font[..4]);
        var css = await server.NewClient().GetStringAsync("/fonts.css");
        Assert.Contains("U+0E00-0E7F", css);   // Thai
        Assert.Contains("U+2000-206F", css);   // punctuation, and the word joiner that keeps Thai compounds on one line
        Assert.NotNull(typeof(Portal.Printing.ChromiumPdf).Assembly.GetManifestResourceStream("PrintFonts.Sarabun_400Regular.ttf"));
    }

    [GeneratedRegex("""(?:href|src)="([^"]+\.(?:css|js))"[^>]*>""")]
    private static partial Regex AssetReference();

    [GeneratedRegex("""url\("([^"]+)"\)""")]
    private static partial Regex FontReference();
}
