namespace Portal.Tests.Infrastructure;

/// <summary>
/// Input meant to break a page: markup and script in every disguise, SQL, oversized text, control characters,
/// bidirectional overrides and Thai with stray combining marks. Scripts here set <c>window.__xss</c> or open a dialog,
/// which the hostile-input test watches for. None starts or ends with white space (forms trim that, by design).
/// </summary>
public static class HostileStrings
{
    public static readonly string[] All =
    [
        "<script>window.__xss=1</script>",
        "<SCRIPT SRC=//127.0.0.1:9/x.js></SCRIPT>",
        "\"><script>alert(1)</script>",
        "'><script>alert(2)</script>",
        "</textarea><script>alert(3)</script>",
        "</title><script>alert(4)</script>",
        "<img src=x onerror=alert(5)>",
        "<img src=\"x\" onerror=\"window.__xss=5\">",
        "<svg onload=alert(6)>",
        "<svg><script>alert(7)</script></svg>",
        "<svg/onload=window.__xss=7>",
        "<body onload=alert(8)>",
        "<iframe src=javascript:alert(9)>",
        "<iframe srcdoc=\"<script>parent.__xss=9</script>\"></iframe>",
        "<a href=\"javascript:alert(10)\">คลิก</a>",
        "javascript:alert(11)",
        "JaVaScRiPt:window.__xss=11",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=",
        "<div style=\"background:url(javascript:alert(13))\">x</div>",
        "<input autofocus onfocus=alert(14)>",
        "<details open ontoggle=alert(15)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>",
        "<object data=\"javascript:alert(17)\"></object>",
        "<embed src=\"javascript:alert(18)\">",
        "<marquee onstart=alert(19)>",
        "{{constructor.constructor('alert(20)')()}}",
        "${alert(21)}",
        "@(alert(22))",
        "<!--<script>alert(23)</script>-->",
        "<style>body{display:none}</style>",
        "&lt;script&gt;alert(24)&lt;/script&gt;",
        "&#60;script&#62;alert(25)&#60;/script&#62;",
        "[คลิก](javascript:alert(26))",
        "![x](x\" onerror=\"alert(27))",
        "' OR '1'='1",
        "'; DROP TABLE Organizations; --",
        "\"; DELETE FROM AuditEntries WHERE 1=1; --",
        "1; UPDATE AspNetUsers SET PasswordHash=NULL",
        "%' OR 1=1 --",
        "Robert'); DROP TABLE People;--",
        "=HYPERLINK(\"http://127.0.0.1:9\",\"x\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "ก\u0001ข\u0007ค\u001Bง\u0008จ",
        "tab\there and\nnew line",
        "carriage\r\nreturn",
        "\u202Egnp.exe\u202C สัญญา",
        "abc\u202Edef\u2066ghi\u2069",
        "\u200Bzero\u200Dwidth\uFEFFjoiners",
        "กี่่่่่่ ้้้้ ัััั",
        "\u0E31\u0E48ขึ้น\u0E49\u0E49\u0E49",
        "เ\u0E4Eบ\u0E47\u0E47",
        "🇹🇭👩‍👩‍👧‍👦 ครอบครัว",
        "\\u003cscript\\u003ealert(28)\\u003c/script\\u003e",
        "..\\..\\..\\windows\\win.ini",
        "../../../../etc/passwd",
        "%3Cscript%3Ealert(29)%3C%2Fscript%3E",
        new string('ก', 100 * 1024),
        string.Concat(Enumerable.Repeat("<b>หนา</b>", 10_000)),
    ];

    /// <summary>The strings short enough for ordinary text fields.</summary>
    public static IEnumerable<string> Short(int maxLength) => All.Where(s => s.Length <= maxLength);
}

/// <summary>
/// Deals the hostile strings out to form fields, a few whole strings per field joined by a space or a line break, until
/// every one has been handed out once. A multi-line field also takes an oversized string on its own: the browser cuts
/// what is typed at the field's maximum length, as it would for a user pasting it.
/// </summary>
public sealed class HostileFeed(IEnumerable<string> strings)
{
    private readonly List<string> waiting = [.. strings];

    public IReadOnlyList<string> Waiting => waiting;

    public string? Next(int maxLength, bool multiLine)
    {
        var taken = new List<string>();
        var length = 0;
        foreach (var candidate in waiting.ToList())
        {
            if (taken.Count == (multiLine ? 8 : 3)) break;
            var added = candidate.Length + (taken.Count > 0 ? 1 : 0);
            if (length + added <= maxLength)
            {
                taken.Add(candidate);
                length += added;
                waiting.Remove(candidate);
            }
            else if (taken.Count == 0 && multiLine && candidate.Length > maxLength)
            {
                waiting.Remove(candidate);
                return candidate;
            }
        }
        return taken.Count == 0 ? null : string.Join(multiLine ? "\n" : " ", taken);
    }
}
