using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Localization;

namespace Portal.Auth;

/// <summary>
/// At most <c>Portal:SignIn:AttemptsPerMinute</c> (default 10) sign-in submissions a minute from one network address,
/// on top of Identity's per-account lockout: one address guessing across many accounts is held back too.
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Portal:SignIn:AttemptsPerMinute", 10);
        return services.AddRateLimiter(options =>
        {
            // The anonymous check-in page (Features/CheckIn) is limited per address the same way, with its own count.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignInAttempt(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("")),
                Features.CheckIn.CheckInRateLimit.Create(configuration));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                var message = Features.CheckIn.CheckInRateLimit.IsCheckIn(context.HttpContext.Request) ? "CheckIn.TooManyRequests" : "SignIn.TooManyAttempts";
                await context.HttpContext.Response.WriteAsync(
                    $"{BilingualText.Get(message, true)}\n{BilingualText.Get(message, false)}\n", cancellationToken);
            };
        });
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);
}
