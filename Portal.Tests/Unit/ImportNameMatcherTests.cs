using Portal.Features.Import;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Tests.Unit;

public class ImportNameMatcherTests
{
    [Theory]
    [InlineData("นายสุรเดช ทวีแสงสกุลไทย", Honorific.Mr, "สุรเดช", "ทวีแสงสกุลไทย")]
    [InlineData("นาย สุรเดช  ทวีแสงสกุลไทย", Honorific.Mr, "สุรเดช", "ทวีแสงสกุลไทย")]
    [InlineData("นางสาวสมศรี ใจดี", Honorific.Ms, "สมศรี", "ใจดี")]
    [InlineData("น.ส. สมศรี ใจดี", Honorific.Ms, "สมศรี", "ใจดี")]
    [InlineData("นางเมลินดา กู๊ด", Honorific.Mrs, "เมลินดา", "กู๊ด")]
    [InlineData("ดร.สมชาย ใจดี", Honorific.Dr, "สมชาย", "ใจดี")]
    [InlineData("ผศ.ดร. รวี หาญเผชิญ", Honorific.AsstProfDr, "รวี", "หาญเผชิญ")]
    [InlineData("ผศ. ดร. รวี หาญเผชิญ", Honorific.AsstProfDr, "รวี", "หาญเผชิญ")]
    [InlineData("รศ.ดร.รวี หาญเผชิญ", Honorific.AssocProfDr, "รวี", "หาญเผชิญ")]
    [InlineData("ศ.ดร. วนิดา แก่นอากาศ", Honorific.ProfDr, "วนิดา", "แก่นอากาศ")]
    [InlineData("รองศาสตราจารย์ ดร. รวี หาญเผชิญ", Honorific.AssocProfDr, "รวี", "หาญเผชิญ")]
    [InlineData("ศ. วนิดา แก่นอากาศ", Honorific.Prof, "วนิดา", "แก่นอากาศ")]
    [InlineData("Mrs. Melinda Good", Honorific.Mrs, "Melinda", "Good")]
    [InlineData("Mrs Melinda Good", Honorific.Mrs, "Melinda", "Good")]
    [InlineData("Ms. Jane van der Berg", Honorific.Ms, "Jane", "van der Berg")]
    [InlineData("Asst. Prof. Dr. Rawee Hanpachern", Honorific.AsstProfDr, "Rawee", "Hanpachern")]
    [InlineData("Prof. Dr. Wanida Kanarkard", Honorific.ProfDr, "Wanida", "Kanarkard")]
    [InlineData("Dr Somchai Jaidee", Honorific.Dr, "Somchai", "Jaidee")]
    [InlineData("Drew Carey", Honorific.None, "Drew", "Carey")]
    [InlineData("ดรุณี ศรีสุข", Honorific.None, "ดรุณี", "ศรีสุข")]
    [InlineData("ศักดิ์ชัย ใจดี", Honorific.None, "ศักดิ์ชัย", "ใจดี")]
    [InlineData("\u200Bสม\u200Bชาย\u00A0ใจดี\uFEFF", Honorific.None, "สมชาย", "ใจดี")]
    [InlineData("คุณวนิดา แก่นอากาศ", Honorific.None, "วนิดา", "แก่นอากาศ")]
    [InlineData("Khun Wanida Kanarkard", Honorific.None, "Wanida", "Kanarkard")]
    [InlineData("คุณากร ใจดี", Honorific.None, "คุณากร", "ใจดี")]
    [InlineData("นางามี ศรีสุข", Honorific.None, "นางามี", "ศรีสุข")]
    [InlineData("นางสาว คุณากร ใจดี", Honorific.Ms, "คุณากร", "ใจดี")]
    public void A_full_name_is_split_into_honorific_given_and_family_name(string typed, Honorific honorific, string given, string family)
    {
        var name = NameMatcher.Split(typed);
        Assert.Equal(new TypedName(honorific, given, family), name);
    }

    [Fact]
    public void A_title_column_and_a_title_joined_to_the_given_name_are_both_read()
    {
        Assert.Equal(new TypedName(Honorific.AsstProfDr, "รวี", "หาญเผชิญ"), NameMatcher.FromParts("ผศ.ดร.", "รวี", "หาญเผชิญ"));
        Assert.Equal(new TypedName(Honorific.Mr, "สมชาย", "ใจดี"), NameMatcher.FromParts(null, "นายสมชาย", "ใจดี"));
        Assert.Equal(new TypedName(Honorific.Mrs, "Melinda", "Good"), NameMatcher.FromParts("Mrs.", "Melinda", "Good"));
        // A title alone is not a name.
        Assert.Equal(new TypedName(Honorific.None, "นาง", ""), NameMatcher.Split("นาง"));
    }

    [Fact]
    public void Keys_ignore_honorifics_spacing_case_dots_and_invisible_characters()
    {
        Assert.Equal(NameMatcher.Key("รวีหาญเผชิญ"), NameMatcher.PersonKey(NameMatcher.Split("รศ.ดร.  รวี\u200B หาญเผชิญ")));
        Assert.Equal(NameMatcher.Key("melindagood"), NameMatcher.PersonKey(NameMatcher.Split("MRS. MELINDA  GOOD")));
        // Sara am typed as nikhahit + sara aa is the same letter.
        Assert.Equal(NameMatcher.Key("คำ"), NameMatcher.Key("ค\u0E4D\u0E32"));
    }

    private static readonly OrganizationRow[] Organizations =
    [
        new(1, "มหาวิทยาลัยขอนแก่น", "Khon Kaen University", "KKU", OrganizationKind.University, null, false, "มข., ม.ขอนแก่น"),
        new(2, "เทศบาลนครขอนแก่น", "Khon Kaen City Municipality", "KKMC", OrganizationKind.Municipality, null, false, "ทน.ขอนแก่น, ทน.ขก."),
        new(3, "ธนาคารโลกประจำประเทศไทย", "World Bank Thailand", "WB", OrganizationKind.InternationalOrganization, null, false),
    ];

    [Theory]
    [InlineData("มหาวิทยาลัยขอนแก่น", 1)]
    [InlineData("มหาวิทยาลัย ขอนแก่น", 1)]
    [InlineData("KKU", 1)]
    [InlineData("kku", 1)]
    [InlineData("มข.", 1)]
    [InlineData("มข", 1)]
    [InlineData("ม.ขอนแก่น", 1)]
    [InlineData("Khon Kaen University", 1)]
    [InlineData("khon kaen  university", 1)]
    [InlineData("ทน.ขก.", 2)]
    [InlineData("ทนขอนแก่น", 2)]
    [InlineData("ธนาคารโลก (World Bank Thailand)", 3)]
    [InlineData("\u200Bธนาคารโลกประจำประเทศไทย", 3)]
    public void Organizations_are_found_by_name_acronym_or_alias_in_either_language(string typed, int expected) =>
        Assert.Equal(expected, new OrganizationIndex(Organizations).Find(typed)?.Id);

    [Theory]
    [InlineData("มหาวิทยาลัยเชียงใหม่")]
    [InlineData("")]
    [InlineData("ขอนแก่น")]
    public void An_organization_not_in_the_register_is_not_matched(string typed) =>
        Assert.Null(new OrganizationIndex(Organizations).Find(typed));

    [Fact]
    public void People_are_found_by_Thai_or_English_name_or_email_same_organization_first()
    {
        var index = new PersonIndex(
        [
            new PersonCandidate(10, Honorific.AssocProfDr, "รวี", "หาญเผชิญ", "Rawee", "Hanpachern", 1, null),
            new PersonCandidate(11, Honorific.Mr, "สมชาย", "ใจดี", "Somchai", "Jaidee", 2, "somchai@kkmc.go.th"),
            new PersonCandidate(12, Honorific.Mr, "สมชาย", "ใจดี", "Somchai", "Jaidee", 1, null),
        ]);
        Assert.Equal([10], index.Find(NameMatcher.Split("ผศ.ดร. รวี หาญเผชิญ"), null, null).Select(p => p.Id));
        Assert.Equal([10], index.Find(NameMatcher.Split("Assoc. Prof. Dr. Rawee Hanpachern"), null, null).Select(p => p.Id));
        Assert.Equal([12, 11], index.Find(NameMatcher.Split("นายสมชาย ใจดี"), null, 1).Select(p => p.Id));
        Assert.Equal([11, 12], index.Find(NameMatcher.Split("สมชาย ใจดี"), "SOMCHAI@kkmc.go.th", null).Select(p => p.Id));
        Assert.Empty(index.Find(NameMatcher.Split("สมหญิง ใจดี"), null, null));
    }

    [Theory]
    [InlineData("ชื่อ-นามสกุล", ImportField.FullName)]
    [InlineData("ชื่อ - สกุล", ImportField.FullName)]
    [InlineData("Full name", ImportField.FullName)]
    [InlineData("ชื่อ", ImportField.GivenName)]
    [InlineData("นามสกุล", ImportField.FamilyName)]
    [InlineData("Last Name", ImportField.FamilyName)]
    [InlineData("หน่วยงาน/องค์กร", ImportField.Organization)]
    [InlineData("Organisation", ImportField.Organization)]
    [InlineData("ตำแหน่ง", ImportField.Position)]
    [InlineData("E-mail", ImportField.Email)]
    [InlineData("อีเมล", ImportField.Email)]
    [InlineData("เบอร์โทรศัพท์", ImportField.Phone)]
    [InlineData("ชื่อ-นามสกุล (Full name)", ImportField.FullName)]
    [InlineData("Email address", ImportField.Email)]
    public void Headings_are_recognised_in_Thai_and_English(string heading, ImportField field) =>
        Assert.Equal(0, ImportColumns.Find([heading], ImportKind.People).GetValueOrDefault(field, -1));

    [Fact]
    public void A_Google_Forms_export_keeps_its_timestamp_column_out()
    {
        var columns = ImportColumns.Find(["ประทับเวลา", "ชื่อ-นามสกุล", "หน่วยงาน", "ตำแหน่ง"], ImportKind.Attendees);
        Assert.Equal(new Dictionary<ImportField, int> { [ImportField.FullName] = 1, [ImportField.Organization] = 2, [ImportField.Position] = 3 }, columns);
    }
}
