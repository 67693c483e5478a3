using Microsoft.EntityFrameworkCore;
using Portal.Auth;

namespace Portal.Data;

/// <summary>
/// Creates one short-lived context per operation, stamped with the signed-in user of the circuit or request
/// so that every change lands in the audit log under the right name.
/// </summary>
public class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, CurrentUser currentUser, TimeProvider clock)
    : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => new(options) { CurrentUser = currentUser, Clock = clock };
}
