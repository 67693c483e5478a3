using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Unit;

/// <summary>
/// Finds the text a .razor file types into its markup (between tags, and in the attributes a reader sees) rather than
/// taking from the resources. A heuristic, not a Razor parser: it removes comments, <c>@code</c> and <c>@{ }</c> blocks,
/// Razor expressions (<c>@x.y</c>, <c>@(…)</c>, <c>@L["…"]</c>), control flow (<c>@if (…)</c>, <c>else</c>, <c>foreach (…)</c>)
/// and C# statements ending in a semicolon, then reports what still holds two letters in a row.
/// </summary>
internal static partial class RazorMarkup
{
    public static List<string> LiteralTexts(string razor)
    {
        var text = Comment().Replace(razor, " ");
        text = RemoveBlocks(text, "@code");
        text = RemoveBlocks(text, "@functions");
        text = RemoveBlocks(text, "@{");
        text = ScriptOrStyle().Replace(text, " ");
        text = Directive().Replace(text, " ");
        // Razor expressions first, over the whole file: an expression may hold a generic type's '<' or a lambda's '>'.
        text = WithoutCode(text);

        var found = new List<string>();
        var outside = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '<' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '/'))
            {
                var end = TagEnd(text, i);
                foreach (Match attribute in VisibleAttribute().Matches(text[i..end]))
                    // A bare address or scheme ("https://") reads the same in every language.
                    if (!attribute.Groups["value"].Value.TrimStart().StartsWith('@') && !Address().IsMatch(attribute.Groups["value"].Value)
                        && HasWords(attribute.Groups["value"].Value))
                        found.Add(attribute.Value.Trim());
                outside.Append('\n');
                i = end;
            }
            else
            {
                outside.Append(text[i++]);
            }
        }
        foreach (var segment in outside.ToString().Split('\n'))
        {
            var left = Statement().Replace(segment, " ").Replace("{", " ").Replace("}", " ").Trim();
            if (HasWords(left))
                found.Add(left);
        }
        return found;
    }

    private static bool HasWords(string s) => Words().IsMatch(Entity().Replace(s, " "));

    /// <summary>The text with every Razor expression and control-flow head taken out.</summary>
    private static string WithoutCode(string text)
    {
        var s = text.Replace("@@", "");
        var result = new StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            var keyword = ControlFlow().Match(s, i);
            if (keyword.Success && keyword.Index == i && (i == 0 || !char.IsLetterOrDigit(s[i - 1])))
            {
                i += keyword.Length;
                var head = i;
                while (head < s.Length && s[head] is ' ' or '\t') head++;
                if (head < s.Length && s[head] == '(') i = SkipBalanced(s, head);
                continue;
            }
            if (s[i] == '@')
            {
                i++;
                if (i < s.Length && s[i] == '(') { i = SkipBalanced(s, i); continue; }
                if (s.AsSpan(i).StartsWith("await ")) i += 6;
                i = SkipChain(s, i);
                continue;
            }
            result.Append(s[i++]);
        }
        return result.ToString();
    }

    /// <summary>An expression after @: a name, then any of .name, ?.name, !, (…) and […].</summary>
    private static int SkipChain(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsLetterOrDigit(s[i]) || s[i] == '_') i++;
            else if (s[i] is '(' or '[') i = SkipBalanced(s, i);
            else if (s[i] == '.' && i + 1 < s.Length && char.IsLetter(s[i + 1])) i++;
            else if (s[i] == '?' && i + 2 < s.Length && s[i + 1] == '.' && char.IsLetter(s[i + 2])) i += 2;
            else if (s[i] == '!' && (i + 1 >= s.Length || s[i + 1] is '.' or ' ' or '<')) i++;
            else break;
        }
        return i;
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="start"/>, skipping C# strings and characters.</summary>
    private static int SkipBalanced(string s, int start)
    {
        var depth = 0;
        for (var i = start; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}':
                    if (--depth == 0) return i + 1;
                    break;
                case '"' or '\'':
                    var quote = s[i];
                    for (i++; i < s.Length && s[i] != quote; i++)
                        if (s[i] == '\\') i++;
                    break;
            }
        }
        return s.Length;
    }

    /// <summary>Removes each block that starts with <paramref name="opening"/> up to its balanced closing brace.</summary>
    private static string RemoveBlocks(string text, string opening)
    {
        for (var at = text.IndexOf(opening, StringComparison.Ordinal); at >= 0; at = text.IndexOf(opening, at, StringComparison.Ordinal))
        {
            var brace = text.IndexOf('{', at);
            if (brace < 0) break;
            text = text[..at] + " " + text[SkipBalanced(text, brace)..];
        }
        return text;
    }

    /// <summary>The index after the tag's closing '&gt;', which may stand inside a quoted attribute (a lambda) without ending it.</summary>
    private static int TagEnd(string s, int start)
    {
        char? quote = null;
        for (var i = start + 1; i < s.Length; i++)
        {
            if (quote is not null) { if (s[i] == quote) quote = null; }
            else if (s[i] == '"') quote = s[i];
            else if (s[i] == '>') return i + 1;
        }
        return s.Length;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"\s(?:placeholder|title|aria-label|alt|Label|Placeholder|HelperText|Text|Title)=""(?<value>[^""]*)""")]
    private static partial Regex VisibleAttribute();

    [GeneratedRegex(@"^\s*@(?:page|attribute|inject|using|implements|inherits|layout|typeparam|rendermode|namespace|preservewhitespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"\G@?(?:else\s+if\b|if\b|foreach\b|for\b|while\b|switch\b|using\b|lock\b|else\b|case\s+[^:<]+:|default:)")]
    private static partial Regex ControlFlow();

    /// <summary>C# statements inside markup blocks: declarations, assignments, calls and jumps ending in a semicolon.</summary>
    [GeneratedRegex(@"(?:\bvar\b|\breturn\b|\bbreak\b|\bcontinue\b|[\w.\[\]]+\s*(?:[+\-*/]?=|\+\+|--))[^;]*;")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^[a-z]+://\S*$")]
    private static partial Regex Address();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"[\p{L}\p{M}]{2,}")]
    private static partial Regex Words();
}
