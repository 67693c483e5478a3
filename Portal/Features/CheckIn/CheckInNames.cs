using System.Text;
using Portal.Features.People;

namespace Portal.Features.CheckIn;

/// <summary>
/// How a typed name is compared with the expected attendees' names: honorifics (นาย, นางสาว, ผศ.ดร., Mr, Dr…), dots,
/// spaces, case and the order of given and family name do not matter, and a name is matched in Thai or in English.
/// </summary>
public static class CheckInNames
{
    /// <summary>Fewer typed letters than this find nobody, so the page cannot be used to list the attendees.</summary>
    public const int MinimumLetters = 3;

    /// <summary>The typed name without its honorifics, and the first honorific found (None when there was none).</summary>
    public static (string Name, Honorific Honorific) StripHonorifics(string typed) => PersonNames.StripHonorifics(typed);

    /// <summary>Letters, digits and Thai vowel and tone marks only, in lower case: "ดร. สม ชาย" and "ดร.สมชาย" compare alike.</summary>
    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>How many letters the query has once honorifics, spaces and dots are set aside (a Thai vowel or tone mark counts: รวี is three).</summary>
    public static int Letters(string typed) => Compact(StripHonorifics(typed).Name).Length;

    /// <summary>What a person is found by: given and family name in both orders, in Thai and in English.</summary>
    public static IReadOnlyList<string> Keys(string givenTh, string familyTh, string givenEn, string familyEn) =>
        new[] { Compact(givenTh + familyTh), Compact(familyTh + givenTh), Compact(givenEn + familyEn), Compact(familyEn + givenEn) }
            .Where(k => k.Length > 0).Distinct().ToList();

    /// <summary>Whether the typed text (with or without what looked like an honorific) is part of one of the keys.</summary>
    public static bool Matches(string typed, IReadOnlyList<string> keys)
    {
        var whole = Compact(typed);
        var stripped = Compact(StripHonorifics(typed).Name);
        return keys.Any(k => (stripped.Length > 0 && k.Contains(stripped, StringComparison.Ordinal)) || (whole.Length > 0 && k.Contains(whole, StringComparison.Ordinal)));
    }

    /// <summary>Whether two typed names are the same person's name written the same way (for a self-added duplicate).</summary>
    public static bool SameName(string typed, IReadOnlyList<string> keys)
    {
        var stripped = Compact(StripHonorifics(typed).Name);
        return stripped.Length > 0 && keys.Contains(stripped);
    }

    public static bool IsThai(string text) => text.Any(c => c is >= '\u0E00' and <= '\u0E7F');
}
