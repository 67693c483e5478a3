using Portal.Features.People;

namespace Portal.Tests.Unit;

public class TypedNameEntryTests
{
    [Theory]
    [InlineData("นายสมชาย ใจดี", true, Honorific.Mr, "สมชาย", "ใจดี")]
    [InlineData("ผศ.ดร. รวี หาญเผชิญ", true, Honorific.AsstProfDr, "รวี", "หาญเผชิญ")]
    [InlineData("สมชาย ใจดี", true, Honorific.None, "สมชาย", "ใจดี")]
    [InlineData("คุณากร", true, Honorific.None, "คุณากร", "")]
    [InlineData("Dr. Somchai Jaidee", false, Honorific.Dr, "Somchai", "Jaidee")]
    [InlineData("Mary Ann", false, Honorific.None, "Mary Ann", "")]
    public void A_given_name_typed_with_its_title_or_whole_is_taken_apart(string typed, bool thai, Honorific honorific, string given, string family)
    {
        var form = new PersonForm();
        form.TakeGivenName(typed, thai);
        Assert.Equal(honorific, form.Honorific);
        Assert.Equal(given, thai ? form.GivenNameTh : form.GivenNameEn);
        Assert.Equal(family, thai ? form.FamilyNameTh : form.FamilyNameEn);
    }

    [Fact]
    public void A_family_name_already_typed_and_a_chosen_title_without_a_typed_one_are_kept()
    {
        var form = new PersonForm { Honorific = Honorific.Mrs, FamilyNameTh = "กู๊ด" };
        form.TakeGivenName("เมลินดา", thai: true);
        Assert.Equal((Honorific.Mrs, "เมลินดา", "กู๊ด"), (form.Honorific, form.GivenNameTh, form.FamilyNameTh));

        form.TakeGivenName("นางเมลินดา แอน", thai: true);
        Assert.Equal((Honorific.Mrs, "เมลินดา แอน", "กู๊ด"), (form.Honorific, form.GivenNameTh, form.FamilyNameTh));
    }

    [Theory]
    [InlineData("คุณวนิดา", "วนิดา")]
    [InlineData("นางสาว  สมศรี", "สมศรี")]
    [InlineData("Asst. Prof. Dr. Rawee", "Rawee")]
    [InlineData("ｎａｙ", "ｎａｙ")]
    public void Search_reads_honorifics_from_the_same_table_as_imports(string typed, string name) =>
        Assert.Equal(name.Normalize(System.Text.NormalizationForm.FormKC), PersonNames.StripHonorifics(typed).Name);
}
