using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.DemoData;

namespace Portal.Tests.Integration;

/// <summary>
/// How every demo meeting's minutes fall on paper, in Thai, English and both: read back page by page with poppler-utils,
/// and the Thai line breaks checked by an independent segmenter (Debian's swath, through scripts/thai-line-breaks.pl).
/// </summary>
[Collection(nameof(ServerCollection))]
public partial class MinutesLayoutTests(PortalServer server)
{
    private static readonly string[] Languages = ["th", "en", "bilingual"];

    /// <summary>Printed once for all the tests of this class: (meeting, language) → PDF and the same document as HTML.</summary>
    private static readonly Dictionary<(int Meeting, string Language), (byte[] Pdf, string Html)> Printed = [];
    private static readonly SemaphoreSlim Printing = new(1, 1);

    private async Task<IReadOnlyList<(int Meeting, string Language, byte[] Pdf, string Html)>> DemoDocumentsAsync()
    {
        await Printing.WaitAsync();
        try
        {
            var meetings = await server.QueryAsync(db => db.Meetings.Where(m => m.Date == DemoMeetings.Day && m.AgendaItems.Any())
                .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
            Assert.Equal(2, meetings.Count);
            var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
            var documents = new List<(int, string, byte[], string)>();
            foreach (var meeting in meetings)
                foreach (var language in Languages)
                {
                    if (!Printed.TryGetValue((meeting, language), out var printed))
                    {
                        var response = await client.GetAsync($"/meetings/{meeting}/minutes.pdf?lang={language}");
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        printed = (await response.Content.ReadAsByteArrayAsync(), await client.GetStringAsync($"/meetings/{meeting}/minutes?lang={language}"));
                        Printed[(meeting, language)] = printed;
                    }
                    documents.Add((meeting, language, printed.Pdf, printed.Html));
                }
            return documents;
        }
        finally
        {
            Printing.Release();
        }
    }

    [Fact]
    public async Task No_page_of_any_demo_minutes_ends_with_a_heading_or_shows_a_mark_on_its_own()
    {
        var problems = new List<string>();
        foreach (var (meeting, language, pdf, html) in await DemoDocumentsAsync())
        {
            var headings = Headings(html);
            Assert.NotEmpty(headings);
            var pages = new List<List<string>>();
            for (var page = 1; page <= await Poppler.PagesAsync(pdf); page++)
                pages.Add([.. (await Poppler.RunAsync("pdftotext", pdf, "-layout", "-f", page.ToString(), "-l", page.ToString()))
                    .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !PageNumber().IsMatch(l))]);

            for (var page = 0; page < pages.Count; page++)
            {
                var where = $"meeting {meeting} ({language}), page {page + 1}";
                Assert.NotEmpty(pages[page]);
                var last = Squeezed(pages[page][^1]);
                if (page < pages.Count - 1 && headings.Any(h => h == last || (last.Length >= 3 && (h.StartsWith(last) || h.EndsWith(last)))))
                    problems.Add($"{where} ends with the heading \"{pages[page][^1]}\"");
                foreach (var line in pages[page].Where(l => l.All(IsThaiMark)))
                    problems.Add($"{where} has a mark on its own: \"{line}\"");
                // A line that starts a page must not leave a piece of itself (the top of its marks) on the page before.
                if (page < pages.Count - 1 && Squeezed(pages[page + 1][0]) is var next && next.StartsWith(last) && next != last)
                    problems.Add($"{where} ends with \"{pages[page][^1]}\", a piece of the next page's first line");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Thai_lines_of_every_demo_minutes_break_between_words_as_swath_reads_them()
    {
        var directory = Directory.CreateTempSubdirectory("kktt-breaks-");
        try
        {
            var files = new List<string>();
            foreach (var (meeting, language, pdf, _) in await DemoDocumentsAsync())
            {
                var file = Path.Combine(directory.FullName, $"meeting-{meeting}-{language}.pdf");
                await File.WriteAllBytesAsync(file, pdf);
                files.Add(file);
            }
            var start = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "thai-line-breaks.pl"));
            start.ArgumentList.Add("-v");
            foreach (var file in files) start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, errors);

            var results = Measured().Matches(output).ToDictionary(m => Path.GetFileNameWithoutExtension(m.Groups["file"].Value),
                m => (Breaks: int.Parse(m.Groups["breaks"].Value), Inside: int.Parse(m.Groups["inside"].Value)));
            Assert.Equal(files.Count, results.Count);
            // The Thai workshop minutes have plenty of Thai lines to measure; English minutes have none.
            var workshopId = await server.WorkshopIdAsync();
            Assert.True(results[$"meeting-{workshopId}-th"].Breaks >= 30, output);
            Assert.Equal(0, results[$"meeting-{workshopId}-en"].Breaks);
            Assert.All(results, r => Assert.True(r.Value.Inside == 0 || r.Value.Inside * 100 < r.Value.Breaks * 3,
                $"{r.Key}: {r.Value.Inside} of {r.Value.Breaks} Thai line breaks fall inside a word (3% at most)\n{output}"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The headings of a print document (sections, agenda items, "presented by", resolutions), squeezed.</summary>
    private static List<string> Headings(string html) =>
        [.. HeadingElement().Matches(html).Select(m => Squeezed(WebUtility.HtmlDecode(Tag().Replace(m.Groups["text"].Value, "")))).Where(h => h.Length > 0)];

    /// <summary>Without white space: pdftotext's layout spaces columns out as it likes.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u2060'));

    /// <summary>A Thai vowel or tone mark written above or below its consonant.</summary>
    private static bool IsThaiMark(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E');

    [GeneratedRegex(@"<(h2|h3)\b[^>]*>(?<text>.*?)</\1>|<(span|p) class=""(resolution-label|keep-with-next)""[^>]*>(?<text>.*?)</\3>", RegexOptions.Singleline)]
    private static partial Regex HeadingElement();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(หน้า|Page|หน้า / Page) \d+( of |/)\d+$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?<file>.+\.pdf): (?<breaks>\d+) Thai-to-Thai line breaks, (?<inside>\d+) inside a word", RegexOptions.Multiline)]
    private static partial Regex Measured();
}
