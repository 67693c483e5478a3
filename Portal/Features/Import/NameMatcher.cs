using System.Text;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Features.Import;

/// <summary>A name as typed in a spreadsheet, taken apart: its honorific and the given and family names.</summary>
public sealed record TypedName(Honorific Honorific, string Given, string Family)
{
    public bool IsEmpty => Given.Length == 0 && Family.Length == 0;
}

/// <summary>
/// How a typed name finds the record it means: "ผศ.ดร. รวี  หาญเผชิญ", "รวี หาญเผชิญ" and "Asst. Prof. Dr. Rawee Hanpachern" are the
/// same person; "มข.", "มข", "KKU" and "มหาวิทยาลัยขอนแก่น" the same organization. Honorifics, spacing, dots, case and invisible
/// characters (zero-width spaces and joiners, the byte-order mark) do not count; the letters do.
/// </summary>
public static class NameMatcher
{
    /// <summary>Characters that show nothing: zero-width space, non-joiner, joiner, word joiner, the byte-order mark, soft hyphen.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>
    /// Typed text as the portal compares it: composed (NFC, and Thai sara am typed as nikhahit + sara aa made one letter),
    /// invisible characters removed, every run of spaces (no-break spaces too) one space, trimmed.
    /// </summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var composed = text.Normalize(NormalizationForm.FormC).Replace("\u0E4D\u0E32", "\u0E33", StringComparison.Ordinal);
        var tidy = new StringBuilder(composed.Length);
        var space = false;
        foreach (var c in composed)
        {
            if (IsInvisible(c)) continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = tidy.Length > 0;
                continue;
            }
            if (space) tidy.Append(' ');
            space = false;
            tidy.Append(c);
        }
        return tidy.ToString();
    }

    /// <summary>What two names must share to be the same: no spaces, dots, hyphens or case, nothing invisible.</summary>
    public static string Key(string? text)
    {
        var tidy = Tidy(text);
        var key = new StringBuilder(tidy.Length);
        foreach (var c in tidy)
            if (!char.IsWhiteSpace(c) && c is not ('.' or '-' or '\'' or '’' or ',' or '(' or ')'))
                key.Append(char.ToLowerInvariant(c));
        return key.ToString();
    }

    /// <summary>The honorific at the start of a typed name and the rest, read from the tidied text: "ผศ.ดร. รวี" → (AsstProfDr, "รวี").</summary>
    public static (Honorific Title, string Remainder) TakeHonorific(string? typed) => TypedHonorific.Take(Tidy(typed));

    /// <summary>A full name in one cell: its honorific, then the first word is the given name and the rest the family name.</summary>
    public static TypedName Split(string? fullName)
    {
        var (honorific, rest) = TakeHonorific(fullName);
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new TypedName(honorific, rest, "") : new TypedName(honorific, rest[..space], rest[(space + 1)..]);
    }

    /// <summary>Given and family names in columns of their own; a title may still lead the given name ("นายสมชาย").</summary>
    public static TypedName FromParts(string? honorific, string? given, string? family)
    {
        var (fromGiven, rest) = TakeHonorific(given);
        var title = fromGiven;
        if (Tidy(honorific) is { Length: > 0 } typedTitle)
        {
            // "ผศ.ดร." alone is a title: parse it with a stand-in name after it.
            var (fromColumn, _) = TakeHonorific(typedTitle + " x");
            if (fromColumn != Honorific.None) title = fromColumn;
        }
        var familyName = Tidy(family);
        if (familyName.Length == 0 && rest.Contains(' ', StringComparison.Ordinal))
            return Split(rest) with { Honorific = title };
        return new TypedName(title, rest, familyName);
    }

    /// <summary>True when the text is written in Thai letters (at least one of them).</summary>
    public static bool IsThai(string? text) => text is not null && text.Any(c => c is >= '\u0E00' and <= '\u0E7F');

    /// <summary>The keys a person is known by: the Thai and the English name, given and family run together.</summary>
    public static IEnumerable<string> PersonKeys(string givenTh, string familyTh, string givenEn, string familyEn)
    {
        var thai = Key(givenTh + familyTh);
        if (thai.Length > 0) yield return thai;
        var english = Key(givenEn + familyEn);
        if (english.Length > 0 && english != thai) yield return english;
    }

    public static string PersonKey(TypedName name) => Key(name.Given + name.Family);

    /// <summary>The keys an organization is known by: both names, the acronym, each alias (aliases are separated by commas).</summary>
    public static IEnumerable<string> OrganizationKeys(OrganizationRow organization)
    {
        var names = new List<string?> { organization.NameTh, organization.NameEn, organization.Acronym };
        names.AddRange((organization.Aliases ?? "").Split([',', ';', '،'], StringSplitOptions.RemoveEmptyEntries));
        return names.Select(Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal);
    }
}

/// <summary>Finds organizations by any of their keys (<see cref="NameMatcher.OrganizationKeys"/>).</summary>
public sealed class OrganizationIndex
{
    private readonly Dictionary<string, List<OrganizationRow>> byKey = new(StringComparer.Ordinal);

    public OrganizationIndex(IEnumerable<OrganizationRow> organizations)
    {
        foreach (var organization in organizations)
            foreach (var key in NameMatcher.OrganizationKeys(organization))
            {
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                if (!list.Contains(organization)) list.Add(organization);
            }
    }

    /// <summary>The organization this text names, when exactly one does; an acronym two organizations share names neither.</summary>
    public OrganizationRow? Find(string? typed)
    {
        var key = NameMatcher.Key(typed);
        if (key.Length == 0) return null;
        if (byKey.TryGetValue(key, out var list) && list.Count == 1) return list[0];
        // "ธนาคารโลก (World Bank)": either part alone.
        foreach (var part in NameMatcher.Tidy(typed).Split(['(', ')', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (byKey.TryGetValue(NameMatcher.Key(part), out var parts) && parts.Count == 1)
                return parts[0];
        return null;
    }
}

/// <summary>A person of the register as the matcher sees them.</summary>
public sealed record PersonCandidate(int Id, Honorific Honorific, string GivenNameTh, string FamilyNameTh, string GivenNameEn, string FamilyNameEn,
    int? OrganizationId, string? Email)
{
    public string Name(bool thai) => thai || string.IsNullOrWhiteSpace(GivenNameEn)
        ? PersonNames.Full(Honorific, GivenNameTh, FamilyNameTh, thai: true)
        : PersonNames.Full(Honorific, GivenNameEn, FamilyNameEn, thai: false);
}

/// <summary>Finds people by either name (<see cref="NameMatcher.PersonKeys"/>) or e-mail address.</summary>
public sealed class PersonIndex
{
    private readonly Dictionary<string, List<PersonCandidate>> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonCandidate> byEmail = new(StringComparer.OrdinalIgnoreCase);

    public PersonIndex(IEnumerable<PersonCandidate> people)
    {
        foreach (var person in people)
        {
            foreach (var key in NameMatcher.PersonKeys(person.GivenNameTh, person.FamilyNameTh, person.GivenNameEn, person.FamilyNameEn))
            {
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                list.Add(person);
            }
            if (!string.IsNullOrWhiteSpace(person.Email))
                byEmail.TryAdd(person.Email.Trim(), person);
        }
    }

    /// <summary>Everyone this name (or e-mail address) could be, the likeliest first: same e-mail, then same organization.</summary>
    public List<PersonCandidate> Find(TypedName name, string? email, int? organizationId)
    {
        var found = new List<PersonCandidate>();
        if (!string.IsNullOrWhiteSpace(email) && byEmail.TryGetValue(email.Trim(), out var byAddress))
            found.Add(byAddress);
        if (byKey.TryGetValue(NameMatcher.PersonKey(name), out var list))
            found.AddRange(list.Where(p => !found.Contains(p)).OrderByDescending(p => organizationId is not null && p.OrganizationId == organizationId));
        return found;
    }
}
