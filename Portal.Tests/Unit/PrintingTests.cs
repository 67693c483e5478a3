using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Printing;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Unit;

public class PrintingTests
{
    [Fact]
    public void File_names_carry_the_date_and_title_and_stay_within_the_file_systems_byte_limit()
    {
        var name = PrintLanguages.FileName(new DateOnly(2024, 7, 31),
            "ผู้อำนวยการธนาคารโลกประจำประเทศไทยและเมียนมาเยี่ยมชมศูนย์ปฏิบัติการเมืองอัจฉริยะ (SCOPC): รายงาน/ฉบับ?", " (bilingual)");
        Assert.StartsWith("2024-07-31 ผู้อำนวยการ", name);
        Assert.EndsWith(" (bilingual).pdf", name);
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 255);
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('?', name);
        // Shortened between whole characters: no vowel or tone mark left without its consonant.
        var stem = name[..name.LastIndexOf(" (bilingual)", StringComparison.Ordinal)];
        Assert.False(char.GetUnicodeCategory(stem[^1]) == System.Globalization.UnicodeCategory.NonSpacingMark
            && !char.IsLetter(stem[^2]));
    }

    [Fact]
    public void A_long_title_is_shortened_at_a_space_with_an_ellipsis_and_a_short_one_is_kept_whole()
    {
        var words = string.Join(' ', Enumerable.Repeat("Infrastructure Potential for Khon Kaen", 8));
        var name = PrintLanguages.FileName(new DateOnly(2024, 7, 31), words, " (en)");
        var stem = name["2024-07-31 ".Length..name.LastIndexOf(" (en)", StringComparison.Ordinal)];
        Assert.EndsWith("…", stem);
        Assert.StartsWith(stem.TrimEnd('…'), words);
        Assert.Equal(' ', words[stem.Length - 1]);   // the word before the cut is whole
        Assert.True(Encoding.UTF8.GetByteCount(stem) <= 180);

        Assert.Equal("2024-07-31 Short title (en).pdf", PrintLanguages.FileName(new DateOnly(2024, 7, 31), "Short title", " (en)"));
    }

    [Theory]
    [InlineData("th", PrintLanguage.Thai)]
    [InlineData("EN", PrintLanguage.English)]
    [InlineData("bilingual", PrintLanguage.Bilingual)]
    [InlineData(null, PrintLanguage.Thai)]
    [InlineData("<script>", PrintLanguage.Thai)]
    public void The_language_choice_defaults_to_Thai(string? value, PrintLanguage expected) => Assert.Equal(expected, PrintLanguages.Parse(value));

    [Fact]
    public void Official_Thai_dates_and_times_read_as_in_government_documents()
    {
        Assert.Equal("วันพุธที่ 31 กรกฎาคม 2567", PrintText.Date(new DateOnly(2024, 7, 31), thai: true));
        Assert.Equal("Wednesday, 31 July 2024", PrintText.Date(new DateOnly(2024, 7, 31), thai: false));
        Assert.Equal("13.30 น.", PrintText.Time(new TimeOnly(13, 30), thai: true));
        Assert.Equal("09:05", PrintText.Time(new TimeOnly(9, 5), thai: false));
    }

    [Fact]
    public async Task Without_Chromium_printing_says_how_to_install_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Chromium"] = "/nonexistent/chromium" }).Build();
        await using var chromium = new ChromiumPdf(configuration, NullLogger<ChromiumPdf>.Instance, TimeProvider.System);
        var error = await Assert.ThrowsAsync<ChromiumMissingException>(() => chromium.PrintAsync("<html></html>"));
        Assert.Contains("apt-get install chromium", error.Message);
    }
}
