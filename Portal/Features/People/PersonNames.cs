using System.Text;
using Title = Portal.Features.People.Honorific;
using Portal.Localization;

namespace Portal.Features.People;

/// <summary>How a person's name is written in each language: "รศ.ดร. รวี หาญเผชิญ", "นายสุรเดช ทวีแสงสกุลไทย", "Mrs. Melinda Good".</summary>
public static class PersonNames
{
    /// <summary>The full name with honorific in each language, as <see cref="Full"/> writes it.</summary>
    public static Bilingual Bilingual(Person person) => new(Full(person, thai: true), Full(person, thai: false));

    public static string Honorific(Honorific honorific, bool thai) =>
        honorific == People.Honorific.None ? "" : BilingualText.Get($"Honorific.{honorific}", thai);

    public static string Full(Honorific honorific, string given, string family, bool thai)
    {
        var title = Honorific(honorific, thai);
        var name = string.Join(' ', new[] { given, family }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()));
        if (title.Length == 0) return name;
        // Thai writes นาย, นาง and นางสาว joined to the given name; academic titles stand apart.
        var joined = thai && honorific is People.Honorific.Mr or People.Honorific.Mrs or People.Honorific.Ms;
        return joined ? title + name : $"{title} {name}";
    }

    public static string Full(Person person, bool thai)
    {
        if (person.AnonymizedAt is not null)
            return BilingualText.Get("Person.Anonymized", thai);
        var english = Full(person.Honorific, person.GivenNameEn, person.FamilyNameEn, thai: false);
        return thai || string.IsNullOrWhiteSpace(person.GivenNameEn)
            ? Full(person.Honorific, person.GivenNameTh, person.FamilyNameTh, thai: true)
            : english;
    }

    /// <summary>The typed name without its honorifics, and the honorific found (None when there was none).</summary>
    public static (string Name, Title Honorific) StripHonorifics(string typed)
    {
        var (honorific, name) = TypedHonorific.Take(typed.Normalize(NormalizationForm.FormKC));
        return (name, honorific);
    }
}
