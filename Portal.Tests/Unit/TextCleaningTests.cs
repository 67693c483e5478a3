using Microsoft.Extensions.Configuration;
using Portal.Files;
using Portal.Hosting;
using Portal.Validation;

namespace Portal.Tests.Unit;

public class TextCleaningTests
{
    [Theory]
    [InlineData("ศูนย์\u0000ปฏิบัติการ\u0007", "ศูนย์ปฏิบัติการ")]
    [InlineData("ก\u0001ข\u0007ค\u001Bง\u0008จ\u007F", "กขคงจ")]
    [InlineData("C1\u0080\u008F\u009Fgone", "C1gone")]
    [InlineData("\u202Egnp.exe\u202C สัญญา", "gnp.exe สัญญา")]
    [InlineData("abc\u202Adef\u202B\u202Dghi\u2066jkl\u2067\u2068\u2069", "abcdefghijkl")]
    [InlineData("Khon Kaen\r\n\r\nSmart City", "Khon Kaen Smart City")]
    [InlineData("tab\there\u2028and\u2029there\u0085too", "tab here and there too")]
    [InlineData("  \u0007 KKTT \n", "KKTT")]
    public void One_line_text_loses_control_characters_and_bidi_overrides_and_line_breaks_become_a_space(string typed, string stored) =>
        Assert.Equal(stored, TextCleaning.SingleLine(typed));

    [Theory]
    [InlineData("ผศ.ดร. สมชาย ใจดี")]
    [InlineData("กี่่่่่่ ้้้้ ัััั")]
    [InlineData("\u200Bzero\u200Dwidth joiners and a 👩‍👩‍👧‍👦 family")]
    [InlineData("ערבית\u200Fמעורבת\u200E English\u061C")]
    public void Thai_marks_emoji_and_direction_marks_are_kept(string text)
    {
        Assert.Equal(text, TextCleaning.SingleLine(text));
        Assert.Equal(text, TextCleaning.MultiLine(text));
    }

    [Fact]
    public void Several_lines_keep_line_breaks_tabs_and_indentation_and_lose_the_rest()
    {
        Assert.Equal("## วาระที่ 1\r\n\n  - ข้อ\t1\n", TextCleaning.MultiLine("## วาระ\u202Eที่ 1\r\n\n  - ข้อ\t1\u0000\u0007\n"));
        Assert.Equal("one\ntwo\nthree\nfour", TextCleaning.MultiLine("one\u2028two\u2029three\u0085four\u001B"));
        Assert.Equal("  indented code", TextCleaning.MultiLine("  indented code"));
    }

    [Fact]
    public void Clean_text_is_returned_as_it_is()
    {
        var text = "รายงานการประชุม KKTT–World Bank";
        Assert.Same(text, TextCleaning.MultiLine(text));
    }

    [Theory]
    [InlineData("scan\u202Egpj.pdf", "scangpj.pdf")]
    [InlineData("C:\\Users\\somchai\\ใบ\u0000ลงชื่อ\u0007.pdf", "ใบลงชื่อ.pdf")]
    [InlineData("report\r\n2567.docx", "report 2567.docx")]
    public void Uploaded_file_names_are_cleaned_before_their_type_is_checked(string uploaded, string stored)
    {
        var errors = new FieldErrors();
        Assert.Equal(stored, FileStore.CleanName(uploaded, errors));
        Assert.True(errors.IsValid);
    }

    [Fact]
    public void A_bidi_override_cannot_disguise_a_refused_type()
    {
        var errors = new FieldErrors();
        Assert.Equal("invoicefdp.exe", FileStore.CleanName("invoice\u202Efdp.exe", errors));
        Assert.Equal("Attachment.TypeNotAllowed", errors["File"]!.Key);
    }

    [Fact]
    public void A_required_field_holding_only_control_characters_is_missing()
    {
        var errors = new FieldErrors();
        errors.Required("NameTh", "\u202E\u0000\u0007 ");
        errors.Required("NameEn", "World Bank");
        Assert.Equal("Validation.Required", errors["NameTh"]!.Key);
        Assert.False(errors.Has("NameEn"));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void Production_serves_only_the_public_host_and_loopback_unless_told_otherwise()
    {
        Assert.Equal(["portal.kktt.co.th", "localhost", "127.0.0.1", "[::1]"],
            PublicAddress.AllowedHosts(Settings(("Portal:PublicUrl", "https://portal.kktt.co.th/")), production: true));
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], PublicAddress.AllowedHosts(Settings(), production: true));
        Assert.Equal(["a.example", "b.example"], PublicAddress.AllowedHosts(Settings(("AllowedHosts", "a.example; b.example")), production: true));
        Assert.Equal(["*"], PublicAddress.AllowedHosts(Settings(("Portal:PublicUrl", "https://portal.kktt.co.th/")), production: false));
    }

    [Fact]
    public void Links_are_made_from_the_configured_address_only()
    {
        Assert.Equal("https://portal.kktt.co.th/kktt/action-items/7",
            new PublicAddress(Settings(("Portal:PublicUrl", "https://portal.kktt.co.th/kktt"))).Link("/action-items/7"));
        Assert.Equal($"{PublicAddress.Default}meetings/3", new PublicAddress(Settings()).Link("meetings/3"));
        Assert.Throws<InvalidOperationException>(() => new PublicAddress(Settings(("Portal:PublicUrl", "javascript:alert(1)"))));
        Assert.Throws<InvalidOperationException>(() => new PublicAddress(Settings(("Portal:PublicUrl", "portal.kktt.co.th"))));
    }
}
