using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Portal.Auth;

/// <summary>
/// Where a redirect that the request names (a sign-in's return address, the language switch's way back, sign-out) may
/// lead: a path on this site, or else the home page. Anything more would make the portal an open redirect that lends
/// its name to phishing links.
/// </summary>
public static class RedirectTarget
{
    public const string Home = "/";

    /// <summary>Far longer than any address of the portal; a longer one is somebody's experiment.</summary>
    private const int MaxLength = 2048;

    /// <summary>
    /// The target if it is a local path ("/meetings?q=…"), made safe for a Location header (non-ASCII characters
    /// percent-encoded as UTF-8); otherwise the home page.
    /// </summary>
    public static string LocalPathOrHome(string? target) => IsLocalPath(target) ? AsciiOnly(target) : Home;

    /// <summary>
    /// A path on this site: it starts with one "/" and not "//" or "/\" (browsers take both for another host), and holds
    /// no backslash (browsers read it as "/") and no control character (header splitting, or a "/\t/" that browsers
    /// collapse into "//").
    /// </summary>
    public static bool IsLocalPath([NotNullWhen(true)] string? target) =>
        target is { Length: > 0 and <= MaxLength }
        && StartsAsLocalPath(target)
        // Decoded once more, as a proxy or a careless link might: "/%2F%2Fevil.example" stays on the portal too.
        && StartsAsLocalPath(Uri.UnescapeDataString(target))
        && !target.Any(c => c == '\\' || char.IsControl(c));

    private static bool StartsAsLocalPath(string target) =>
        target.Length > 0 && target[0] == '/' && (target.Length == 1 || target[1] is not ('/' or '\\'));

    /// <summary>
    /// Like <see cref="LocalPathOrHome"/>, for targets as the account pages and the user menu write them: a path
    /// ("/meetings"), a path relative to the portal's base ("Account/Lockout", "meetings/3"), or an absolute address under
    /// <paramref name="baseUri"/> (the return address the sign-in redirect carries). Any other scheme leads home.
    /// </summary>
    public static string OnPortalOrHome(string? target, string baseUri)
    {
        target ??= "";
        if (target.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
            target = "/" + target[baseUri.Length..];
        else if (HasScheme(target))
            return Home;
        else if (!target.StartsWith('/'))
            target = "/" + target;
        return LocalPathOrHome(target);
    }

    /// <summary>"https:", "javascript:", "data:" and the like: a scheme (RFC 3986, 3.1) before the first '/', '?' or '#'.</summary>
    private static bool HasScheme(string target)
    {
        var colon = target.IndexOf(':');
        var end = target.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (end < 0 || colon < end)
            && char.IsAsciiLetter(target[0]) && target[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static string AsciiOnly(string path)
    {
        if (path.All(char.IsAscii)) return path;
        var encoded = new StringBuilder(path.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
