using Portal.Localization;

namespace Portal.Tests.Unit;

public class ThaiWordsTests
{
    [Fact]
    public void Compounds_in_print_text_are_wrapped_whole_and_markup_is_left_alone()
    {
        var html = """<html><head><title>แลกเปลี่ยน</title><style>p{}</style></head><body><p title="เป้าหมาย">เพื่อแลกเปลี่ยนข้อมูลและเป้าหมาย</p></body></html>""";
        var kept = ThaiWords.KeepTogetherInHtml(html);
        Assert.Contains("""<p title="เป้าหมาย">เพื่อ<nobr>แลกเปลี่ยน</nobr>ข้อมูลและ<nobr>เป้าหมาย</nobr></p>""", kept);
        Assert.Contains("<title>แลกเปลี่ยน</title>", kept);
        Assert.Equal(html, ThaiWords.KeepTogetherInHtml(html).Replace("<nobr>", "").Replace("</nobr>", ""));
    }

    [Fact]
    public void A_compound_is_never_matched_inside_a_syllable()
    {
        // ต่อไป followed by a vowel of the next letter, and ราย after a leading vowel, are not the words of the list.
        Assert.Equal("ต่อไปี", ThaiWords.KeepTogetherInHtml("ต่อไปี"));
        Assert.Equal("เรายชื่อ", ThaiWords.KeepTogetherInHtml("เรายชื่อ"));
    }

    [Fact]
    public void Labels_get_word_joiners_between_the_letters_of_a_compound_only()
    {
        var joined = ThaiWords.Join("หน่วยงานรับผิดชอบ");
        Assert.Equal("หน่วยงานรับผิดชอบ", joined.Replace(ThaiWords.WordJoiner.ToString(), ""));
        Assert.Contains("รั\u2060บ\u2060ผิ\u2060ด", joined);
        // Never a joiner between a letter and its vowel or tone mark.
        Assert.DoesNotContain("\u2060\u0E31", joined);
        Assert.DoesNotContain("\u2060\u0E48", joined);
        Assert.Equal("Due date", ThaiWords.Join("Due date"));
    }
}
