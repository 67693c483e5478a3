namespace Portal.Localization;

/// <summary>
/// A text kept in Thai and in English, and the one rule for reading it: the reader's language, or the other language
/// when that is blank. Records, the minutes document and components all read bilingual text through it.
/// </summary>
public sealed record Bilingual(string? Th, string? En)
{
    public static readonly Bilingual Empty = new(null, null);

    /// <summary>The text in the reader's language, or in the other language when that is blank; "" when both are.</summary>
    public string In(bool thai)
    {
        var (wanted, other) = thai ? (Th, En) : (En, Th);
        return !string.IsNullOrWhiteSpace(wanted) ? wanted : other ?? "";
    }

    /// <summary>As <see cref="In"/>, but null rather than "" when there is no text in either language.</summary>
    public string? InOrNull(bool thai) => IsBlank ? null : In(thai);

    /// <summary>The text in that language only, or null: for the minutes, which say so where a translation is missing.</summary>
    public string? Only(bool thai) => thai ? Blank(Th) : Blank(En);

    /// <summary>The text in the language the reader does not read: the secondary line under a title.</summary>
    public string? Other(bool thai) => Only(!thai);

    public bool IsBlank => string.IsNullOrWhiteSpace(Th) && string.IsNullOrWhiteSpace(En);

    public override string ToString() => In(PortalCultures.IsThai());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
