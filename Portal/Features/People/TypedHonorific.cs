using System.Text.RegularExpressions;

namespace Portal.Features.People;

/// <summary>
/// The honorific at the start of a name as people type it — "ผศ.ดร. รวี", "นายสุรเดช", "Mrs. Melinda", "คุณวนิดา" — and the
/// name after it. One table for every place a typed name is read: searches, the check-in page, imports.
/// </summary>
public static class TypedHonorific
{
    private enum Part { Civil, Doctor, Academic }

    /// <summary>Each honorific people type, longest first so that นางสาว wins over นาง and "Assoc. Prof." over "Prof.".</summary>
    private static readonly (Regex Pattern, Part Part, Honorific Honorific)[] Titles =
    [
        (Thai("ผู้ช่วยศาสตราจารย์"), Part.Academic, Honorific.AsstProf),
        (Thai("รองศาสตราจารย์"), Part.Academic, Honorific.AssocProf),
        (Thai("ศาสตราจารย์"), Part.Academic, Honorific.Prof),
        (Abbreviation("ผศ"), Part.Academic, Honorific.AsstProf),
        (Abbreviation("รศ"), Part.Academic, Honorific.AssocProf),
        (Abbreviation("ศ", dotRequired: true), Part.Academic, Honorific.Prof),
        (Abbreviation("ดร"), Part.Doctor, Honorific.Dr),
        (Thai("นางสาว"), Part.Civil, Honorific.Ms),
        (Abbreviation("น\\.ส", dotRequired: true), Part.Civil, Honorific.Ms),
        (Thai("นาง"), Part.Civil, Honorific.Mrs),
        (Thai("นาย"), Part.Civil, Honorific.Mr),
        (Thai("คุณ"), Part.Civil, Honorific.None),
        (English("Assistant\\s*Professor|Asst\\.?\\s*Prof"), Part.Academic, Honorific.AsstProf),
        (English("Associate\\s*Professor|Assoc\\.?\\s*Prof"), Part.Academic, Honorific.AssocProf),
        (English("Professor|Prof"), Part.Academic, Honorific.Prof),
        (English("Doctor|Dr"), Part.Doctor, Honorific.Dr),
        (English("Mrs"), Part.Civil, Honorific.Mrs),
        (English("Ms|Miss"), Part.Civil, Honorific.Ms),
        (English("Mr"), Part.Civil, Honorific.Mr),
        (English("Khun"), Part.Civil, Honorific.None),
    ];

    // นาย, นาง, นางสาว and คุณ are written joined to the name (นายสมชาย), but not before a vowel or mark that cannot start a
    // word: "คุณากร" and "นางามี" are names, not คุณ + "ากร". A Thai abbreviation ends at its dot or a space.
    private static Regex Thai(string word) => new($"^{word}(?![\\u0E30-\\u0E3A\\u0E45\\u0E47-\\u0E4E])\\s*", RegexOptions.CultureInvariant);

    private static Regex Abbreviation(string letters, bool dotRequired = false) =>
        new(dotRequired ? $"^{letters}\\.\\s*" : $"^{letters}(\\.\\s*|\\s+)", RegexOptions.CultureInvariant);

    private static Regex English(string words) =>
        new($"^(?:{words})(\\.\\s*|\\s+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>"ผศ.ดร. รวี" → (AsstProfDr, "รวี"); "Mrs. Melinda Good" → (Mrs, "Melinda Good"); a title alone ("นาง", "Dr") is a name.</summary>
    public static (Honorific Honorific, string Name) Take(string? typed)
    {
        var rest = (typed ?? "").Trim();
        Honorific? civil = null, academic = null;
        var doctor = false;
        for (var found = true; found && rest.Length > 0;)
        {
            found = false;
            foreach (var (pattern, part, honorific) in Titles)
            {
                var match = pattern.Match(rest);
                if (!match.Success || match.Length >= rest.Length) continue;
                switch (part)
                {
                    case Part.Civil when civil is null: civil = honorific; break;
                    case Part.Doctor when !doctor: doctor = true; break;
                    case Part.Academic when academic is null: academic = honorific; break;
                    default: continue;
                }
                rest = rest[match.Length..].TrimStart();
                found = true;
                break;
            }
        }
        var title = (academic, doctor) switch
        {
            (Honorific.AsstProf, true) => Honorific.AsstProfDr,
            (Honorific.AssocProf, true) => Honorific.AssocProfDr,
            (Honorific.Prof, true) => Honorific.ProfDr,
            ({ } a, false) => a,
            (null, true) => Honorific.Dr,
            _ => civil ?? Honorific.None,
        };
        return (title, rest);
    }
}
