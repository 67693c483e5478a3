namespace Portal.Printing;

/// <summary>
/// Starts the printer in the background as the portal starts (so the first document after a restart is as fast as any
/// other) and then asks every few seconds whether Chromium still answers, so that a frozen browser is replaced before a
/// user meets it and <c>/health</c> says so meanwhile.
/// </summary>
public sealed class PrinterWatchdog(ChromiumPdf printer, IConfiguration configuration, ILogger<PrinterWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (configuration.GetValue("Portal:Printing:WarmUp", true))
        {
            try
            {
                await printer.WarmUpAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Chromium could not be started in advance; the first document will try again");
            }
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Portal:Printing:CheckEverySeconds", 2.0)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await printer.CheckAsync();
    }
}
