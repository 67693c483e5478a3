using System.Globalization;
using Portal.Localization;

namespace Portal.Tests.Unit;

/// <summary>The one rule for reading text kept in both languages.</summary>
public class BilingualTests
{
    [Theory]
    [InlineData("ประชุม", "Meeting", true, "ประชุม")]
    [InlineData("ประชุม", "Meeting", false, "Meeting")]
    [InlineData("ประชุม", null, false, "ประชุม")]     // no English: the Thai, not nothing
    [InlineData("ประชุม", "   ", false, "ประชุม")]    // blank is missing
    [InlineData(null, "Meeting", true, "Meeting")]    // and the other way round
    [InlineData(null, null, true, "")]
    public void The_readers_language_else_the_other_one(string? th, string? en, bool thai, string expected) =>
        Assert.Equal(expected, new Bilingual(th, en).In(thai));

    [Fact]
    public void Only_one_language_says_when_a_translation_is_missing_and_the_other_is_the_secondary_line()
    {
        var thaiOnly = new Bilingual("มติที่ประชุม", " ");
        Assert.Null(thaiOnly.Only(thai: false));
        Assert.Equal("มติที่ประชุม", thaiOnly.Only(thai: true));
        Assert.Equal("Resolution", new Bilingual("มติ", "Resolution").Other(thai: true));
        Assert.Null(Bilingual.Empty.InOrNull(thai: true));
        Assert.True(Bilingual.Empty.IsBlank);
        Assert.Equal("มติ", new Bilingual("มติ", null).InOrNull(thai: false));
    }

    [Fact]
    public void Text_as_printed_reads_the_current_culture()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = PortalCultures.EnglishCulture;
            Assert.Equal("Meeting", new Bilingual("ประชุม", "Meeting").ToString());
            CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
            Assert.Equal("ประชุม", new Bilingual("ประชุม", "Meeting").ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
