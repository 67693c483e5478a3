using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Portal.Data;

/// <summary>
/// The database the portal runs on: SQLite in the data folder (default) or PostgreSQL
/// (<c>Database:Provider</c> = <c>Postgres</c> with <c>ConnectionStrings:Portal</c>), each with its own migrations.
/// </summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    static DatabaseSetup()
    {
        // Times are stored as UTC without an offset on both databases, as the SQLite schema always has.
        AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);
    }

    public static string Provider(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], Postgres, StringComparison.OrdinalIgnoreCase) ? Postgres : Sqlite;

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, DataDirectory dataDirectory)
    {
        if (Provider(configuration) == Postgres)
        {
            var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Portal")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Portal is not set."));
            // PostgreSQL's JIT compiler costs more than the portal's short queries take (283 of 442 ms for an action-item
            // search over 100,000 items); off unless the connection string asks otherwise.
            connectionString.Options ??= "-c jit=off";
            options.UseNpgsql(connectionString.ConnectionString, npgsql => npgsql.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName));
        }
        else
        {
            options.UseSqlite($"Data Source={dataDirectory.DatabaseFile};Foreign Keys=True",
                    sqlite => sqlite.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName))
                .AddInterceptors(new SqliteConnectionSetup());
        }
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>Brings the schema up to date and switches SQLite to write-ahead logging, so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}

/// <summary>
/// Both providers' migrations live in this assembly, told apart by namespace (<c>Data/Migrations/Sqlite</c>,
/// <c>Data/Migrations/Postgres</c>); EF Core sees only those of the provider in use.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF Core's own implementation, extended here only to filter.
public sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger) : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string ns = $"{typeof(PortalDbContext).Namespace}.Migrations.{(currentContext.Context.Database.IsNpgsql() ? DatabaseSetup.Postgres : DatabaseSetup.Sqlite)}";
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= base.Migrations.Where(m => m.Value.Namespace == ns).ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot =>
        snapshot ??= Assembly.GetTypes().Where(t => t.Namespace == ns && typeof(ModelSnapshot).IsAssignableFrom(t))
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!).FirstOrDefault();
}
#pragma warning restore EF1001
