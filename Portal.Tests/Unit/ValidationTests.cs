using Portal.Data;
using Portal.Validation;

namespace Portal.Tests.Unit;

public class ValidationTests
{
    [Theory]
    [InlineData("https://www.kku.ac.th", true)]
    [InlineData("http://kktt.co.th/about", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("www.kku.ac.th", false)]
    [InlineData("https://localhost", false)]
    [InlineData("ftp://files.example.org", false)]
    public void Website_must_be_an_absolute_web_address(string url, bool valid) => Assert.Equal(valid, FieldErrors.IsWebUrl(url));

    [Theory]
    [InlineData("melinda.good@worldbank.org", true)]
    [InlineData("somchai@kku.ac.th", true)]
    [InlineData("not-an-email", false)]
    [InlineData("a@b", false)]
    [InlineData("Somchai <somchai@kku.ac.th>", false)]
    [InlineData("two words@kku.ac.th", false)]
    public void Email_must_be_a_plain_address(string email, bool valid) => Assert.Equal(valid, FieldErrors.IsEmail(email));

    [Fact]
    public void Errors_name_the_field_and_keep_the_first_problem()
    {
        var errors = new FieldErrors();
        errors.Required("NameTh", "  ");
        errors.MaxLength("NameTh", "", 10);
        errors.MaxLength("Acronym", new string('x', FieldLengths.Acronym + 1), FieldLengths.Acronym);
        Assert.False(errors.IsValid);
        Assert.Equal("Validation.Required", errors["NameTh"]!.Key);
        Assert.Equal("Validation.MaxLength", errors["Acronym"]!.Key);
        Assert.Equal(FieldLengths.Acronym, errors["Acronym"]!.Args[0]);
        Assert.Null(errors["NameEn"]);
    }

    [Fact]
    public void Search_text_is_lower_case_and_skips_empty_parts()
    {
        Assert.Equal("ธนาคารโลก world bank wb", SearchTextBuilder.Build("ธนาคารโลก", " World Bank ", null, "", "WB"));
        Assert.Equal("kktt", SearchTextBuilder.Normalize("  KKTT "));
    }

    [Fact]
    public void Thai_collation_files_leading_vowels_under_their_consonant()
    {
        // เทศบาล (ท) sorts before หอการค้า (ห) in a Thai dictionary, although เ comes after ห in Unicode.
        Assert.True(ThaiCollation.Compare("เทศบาลนครขอนแก่น", "หอการค้าจังหวัดขอนแก่น") < 0);
        Assert.True(string.CompareOrdinal("เทศบาลนครขอนแก่น", "หอการค้าจังหวัดขอนแก่น") > 0);
        Assert.True(ThaiCollation.Compare("bank", "Zonta") < 0);
    }
}
