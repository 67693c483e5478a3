using System.Collections.Concurrent;
using System.Security.Claims;

namespace Portal.Printing;

/// <summary>
/// At most a few documents printing at once per user (<c>Portal:Printing:PerUser</c>, default 2): one user holding
/// the print button down cannot keep the printer from everybody else.
/// </summary>
public sealed class PrintQuota(IConfiguration configuration)
{
    private readonly int perUser = Math.Max(1, configuration.GetValue("Portal:Printing:PerUser", 2));
    private readonly ConcurrentDictionary<string, int> printing = new(StringComparer.Ordinal);

    /// <summary>A turn to print, to dispose when the document is done; null when the user already has as many as allowed.</summary>
    public IDisposable? TryEnter(ClaimsPrincipal user)
    {
        var key = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (printing.AddOrUpdate(key, 1, (_, count) => count + 1) <= perUser)
            return new Turn(this, key);
        Leave(key);
        return null;
    }

    private void Leave(string key)
    {
        if (printing.AddOrUpdate(key, 0, (_, count) => count - 1) <= 0)
            printing.TryRemove(new KeyValuePair<string, int>(key, 0));
    }

    private sealed class Turn(PrintQuota quota, string key) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0) quota.Leave(key);
        }
    }
}
