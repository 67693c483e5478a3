using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Mail;

/// <summary>
/// Degraded, with the reason, while the mail server does not answer: the portal works, but invitations and reminders
/// wait. After a failure it asks the server again (at most every 15 s), so <c>/health</c> turns Healthy by itself
/// when the server is back even if nobody sends anything.
/// </summary>
public sealed class MailHealthCheck(MailSender mail, TimeProvider clock) : IHealthCheck
{
    /// <summary>
    /// Every instance shares the one mail server, so its failure says nothing about this instance: <c>/health/ready</c>
    /// leaves it out, or a load balancer would take every instance out at once.
    /// </summary>
    public const string SharedTag = "shared";

    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!mail.HasServer) return HealthCheckResult.Healthy("no SMTP server configured: messages are written to data/mail");
        if (mail.Status is { Answered: false } failed && clock.GetUtcNow().UtcDateTime - failed.AtUtc >= ProbeEvery)
        {
            try
            {
                await mail.ProbeAsync(ProbeTimeout, cancellationToken);
            }
            catch (MailServerUnavailableException)
            {
                // The status now says why.
            }
        }
        return mail.Status switch
        {
            null => HealthCheckResult.Healthy("not used yet"),
            { Answered: true } ok => HealthCheckResult.Healthy($"{ok.Description} (at {ok.AtUtc:u})"),
            var down => HealthCheckResult.Degraded($"{down.Description} (since {down.AtUtc:u})"),
        };
    }
}
