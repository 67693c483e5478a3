using System.Threading.RateLimiting;

namespace Portal.Features.CheckIn;

/// <summary>
/// The check-in page needs no account, so every request to it (the page, each search, each check-in) counts against its
/// client address: <c>Portal:CheckIn:RequestsPerMinute</c> (default 120 — a hotel's guests may share one address, and a
/// check-in takes three or four requests). Beyond it, 429 with a Thai and English message.
/// </summary>
public static class CheckInRateLimit
{
    public const string PathPrefix = "/check-in";

    public static PartitionedRateLimiter<HttpContext> Create(IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Portal:CheckIn:RequestsPerMinute", 120);
        return PartitionedRateLimiter.Create<HttpContext, string>(http => IsCheckIn(http.Request)
            ? RateLimitPartition.GetFixedWindowLimiter("check-in " + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));
    }

    public static bool IsCheckIn(HttpRequest request) => request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);
}
