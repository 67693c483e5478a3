using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Hosting;

namespace Portal.Tests.Unit;

/// <summary>
/// Each database takes its migrations from its own project (migrations/Sqlite, migrations/Postgres), and they reach the
/// current model. Neither needs a database: the PostgreSQL connection string only chooses the provider.
/// </summary>
public class DatabaseSetupTests
{
    [Theory]
    [InlineData(DatabaseSetup.Sqlite, "20261125021518_Meetings")]
    [InlineData(DatabaseSetup.Postgres, "20261125055050_Initial")]
    public void Each_database_has_its_own_migrations_up_to_the_current_model(string provider, string oneOfItsMigrations)
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            // The app's own wiring, as dotnet ef uses it: Identity's part of the model depends on the app's options.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
            builder.Configuration["Database:Provider"] = provider;
            builder.Configuration["ConnectionStrings:Portal"] = "Host=127.0.0.1;Database=design";
            builder.Configuration["Portal:DataDirectory"] = dataDirectory;
            builder.AddPortal();
            using var app = builder.Build();
            using var scope = app.Services.CreateScope();
            using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

            Assert.Equal(DatabaseSetup.MigrationsAssembly(provider), db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
            Assert.Contains(oneOfItsMigrations, db.Database.GetMigrations());
            Assert.False(db.Database.HasPendingModelChanges(), $"The model has changed since the last {provider} migration: add one with scripts/add-migration.sh NAME.");
        }
        finally
        {
            TempDirectory.Delete(dataDirectory);
        }
    }
}
