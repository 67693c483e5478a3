namespace Portal.Validation;

public static class Input
{
    /// <summary>Optional text as stored: trimmed, and null when the user left only spaces.</summary>
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
