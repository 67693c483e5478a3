using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Localization;

namespace Portal.Features.Invitations;

/// <summary>The invitations' shared services (the scoped ones are in AddFeatureServices), their reminder job and the answer page's rate limit.</summary>
public static class InvitationSetup
{
    /// <summary>The rate-limit policy of the answer page: <c>Portal:Invitations:AnswerRequestsPerMinute</c> (default 30) from one address.</summary>
    public const string AnswerRateLimit = "invitation-answers";

    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InvitationNotifier>();
        services.AddSingleton<InvitationLinks>();
        services.AddHostedService<InvitationReminderJob>();
        var perMinute = configuration.GetValue("Portal:Invitations:AnswerRequestsPerMinute", 30);
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(AnswerRateLimit, new AnswerPagePolicy(perMinute)));
        return services;
    }

    /// <summary>A fixed window per network address; a refusal says so in both languages (429, Retry-After).</summary>
    private sealed class AnswerPagePolicy(int perMinute) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = "60";
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(
                $"{BilingualText.Get("Invitation.TooManyRequests", true)}\n{BilingualText.Get("Invitation.TooManyRequests", false)}\n", cancellationToken);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
