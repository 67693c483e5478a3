using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Services;

/// <summary>
/// Approved versions from before partners' visibility came from them get their columns and attending organizations
/// from their own frozen documents when the database is migrated — the same values <see cref="ApprovedMinutes.Freeze"/>
/// gives a new approval.
/// </summary>
public class ApprovedMinutesMigrationTests
{
    [Fact]
    public async Task Migrating_fills_existing_approved_versions_from_their_documents_as_an_approval_would()
    {
        await using var host = await PortalHost.StartAsync(); // the demo workshop's minutes, approved through the service
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var approved = await db.ApprovedMinutes.AsNoTracking().Include(v => v.AttendingOrganizations).OrderBy(v => v.Id).ToListAsync();
        Assert.NotEmpty(approved);
        Assert.All(approved, v => Assert.True(v.AttendingOrganizations.Count > 1, "The demo minutes list several attending organizations."));

        // Back to before the migration (its columns and table dropped), then forward again: the backfill runs on real rows.
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_ApprovedMinutesForPartners", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[index - 1]);
        await migrator.MigrateAsync();   // forward to the latest, as an upgrade does (later migrations touch the search text too)

        db.ChangeTracker.Clear();
        var backfilled = await db.ApprovedMinutes.AsNoTracking().Include(v => v.AttendingOrganizations).OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(approved.Count, backfilled.Count);
        foreach (var (expected, actual) in approved.Zip(backfilled))
        {
            var frozen = ApprovedMinutes.Freeze(MinutesDocument.FromJson(actual.Document), actual.Version, actual.ApprovedAt, new Portal.Auth.AuditActor(null, ""), null);
            foreach (var version in new[] { expected, frozen })
            {
                Assert.Equal(
                    (version.Kind, version.TitleTh, version.TitleEn, version.Number, version.Date, version.StartTime, version.EndTime),
                    (actual.Kind, actual.TitleTh, actual.TitleEn, actual.Number, actual.Date, actual.StartTime, actual.EndTime));
                Assert.Equal((version.VenueTh, version.VenueEn, version.HostNameTh, version.HostNameEn), (actual.VenueTh, actual.VenueEn, actual.HostNameTh, actual.HostNameEn));
                Assert.Equal(version.SearchText, actual.SearchText);
                Assert.Equal(version.AttendingOrganizations.Select(o => o.OrganizationId).Order(), actual.AttendingOrganizations.Select(o => o.OrganizationId).Order());
            }
        }
    }
}
