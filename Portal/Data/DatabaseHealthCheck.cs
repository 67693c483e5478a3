using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Data;

/// <summary>Healthy once the database answers a query: what <c>/health</c> reports to load balancers and scripts.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A query rather than a bare connection: the schema must be in place too. Failures surface as Unhealthy.
        await db.Organizations.IgnoreQueryFilters().Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
