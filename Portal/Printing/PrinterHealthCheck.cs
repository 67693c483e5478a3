using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Printing;

/// <summary>Degraded, with the reason, while Chromium is missing, starting, restarting or down: the portal serves pages but cannot print.</summary>
public sealed class PrinterHealthCheck(ChromiumPdf printer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = printer.Status;
        var description = status.Since is { } since ? $"{status.Description} (since {since:u})" : status.Description;
        return Task.FromResult(status.State == PrinterState.Ready ? HealthCheckResult.Healthy(description) : HealthCheckResult.Degraded(description));
    }
}
