using System.Globalization;
using System.Text;
using Portal.Localization;

namespace Portal.Tests.Unit;

public class TextShorteningTests
{
    private static bool IsMark(char ch) => char.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    [Theory]
    [InlineData("ที่ประชุม")]
    [InlineData("ผู้อำนวยการ")]
    [InlineData("นํ้าท่วม")]
    public void Thai_cut_at_every_length_keeps_each_vowel_and_tone_mark_with_its_letter(string thai)
    {
        for (var limit = 0; limit <= thai.Length; limit++)
            foreach (var ellipsis in new[] { "", "…" })
            {
                var cut = TextShortening.Shorten(thai, limit, ellipsis);
                Assert.True(cut.Length <= limit, $"{limit}: '{cut}'");
                var kept = cut.EndsWith('…') && limit < thai.Length ? cut[..^1] : cut;
                Assert.StartsWith(kept, thai, StringComparison.Ordinal);
                // No mark cut off the end of what is kept, none left first.
                if (kept.Length < thai.Length) Assert.False(IsMark(thai[kept.Length]), $"{limit}: '{kept}' leaves '{thai[kept.Length]}' behind");
                if (kept.Length > 0) Assert.False(IsMark(kept[0]));
            }
    }

    [Theory]
    [InlineData(2, "")]
    [InlineData(3, "ที่")]
    [InlineData(5, "ที่ปร")]
    [InlineData(7, "ที่ประ")]
    [InlineData(8, "ที่ประชุ")]
    [InlineData(9, "ที่ประชุม")]
    public void Thai_is_cut_before_a_letter_never_between_a_letter_and_its_marks(int limit, string expected) =>
        Assert.Equal(expected, TextShortening.Shorten("ที่ประชุม", limit));

    [Theory]
    [InlineData("Khon Kaen Think Tank", 12, "", "Khon Kaen")]
    [InlineData("Khon Kaen Think Tank", 12, "…", "Khon Kaen…")]
    [InlineData("Khon Kaen Think Tank", 20, "…", "Khon Kaen Think Tank")]
    [InlineData("Khon Kaen Think Tank", 19, "...", "Khon Kaen Think...")]
    [InlineData("Ab Cdefghijklmnop", 10, "", "Ab Cdefghi")]
    [InlineData("Minutes, draft - version two", 16, "…", "Minutes, draft…")]
    [InlineData("abcdef", 2, "...", "ab")]
    public void English_is_cut_at_a_space_in_the_second_half_and_the_ellipsis_counts_within_the_limit(string text, int limit, string ellipsis, string expected)
    {
        var cut = TextShortening.Shorten(text, limit, ellipsis);
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= limit);
    }

    [Fact]
    public void Nothing_stays_nothing()
    {
        Assert.Null(TextShortening.Shorten(null, 5, "…"));
        Assert.Equal("", TextShortening.Shorten("", 0, "…"));
        Assert.Equal("abc", TextShortening.Shorten("abc", 3, "…"));
    }

    [Fact]
    public void A_size_function_measures_the_limit_with_the_ellipsis_in_it()
    {
        // A Thai letter is three bytes in UTF-8; "ที่ป" is twelve, the ellipsis three more.
        Assert.Equal("ที่ป…", TextShortening.Shorten("ที่ประชุม", 15, "…", Encoding.UTF8.GetByteCount));
        Assert.Equal("…", TextShortening.Shorten("ที่ประชุม", 10, "…", Encoding.UTF8.GetByteCount));
        for (var limit = 3; limit < 40; limit++)
            Assert.True(Encoding.UTF8.GetByteCount(TextShortening.Shorten("ที่ประชุม Khon Kaen", limit, "…", Encoding.UTF8.GetByteCount)) <= limit);
    }
}
