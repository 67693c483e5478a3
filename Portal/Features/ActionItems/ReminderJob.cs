using Portal.Localization;

namespace Portal.Features.ActionItems;

/// <summary>Wakes every few minutes and, from <c>Portal:Reminders:Hour</c> (Bangkok time, default 8) on, sends the day's digests once.</summary>
public class ReminderJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Portal:Reminders:Enabled", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            try
            {
                var hour = configuration.GetValue("Portal:Reminders:Hour", 8);
                if (TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ThaiDates.Bangkok).Hour >= hour)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueRemindersAsync(stoppingToken);
                    if (sent > 0)
                        logger.LogInformation("Sent {Count} action-item reminders", sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A mail server that is down today must not stop tomorrow's reminders.
                logger.LogError(e, "Sending action-item reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
