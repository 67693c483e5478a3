using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// The database the portal runs on: SQLite in the data folder (default) or PostgreSQL
/// (<c>Database:Provider</c> = <c>Postgres</c> with <c>ConnectionStrings:Portal</c>), each with its own migrations
/// assembly (the projects in <c>migrations/Sqlite</c> and <c>migrations/Postgres</c>).
/// </summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private static readonly string[] MigrationsAssemblies = [MigrationsAssembly(Sqlite), MigrationsAssembly(Postgres)];

    static DatabaseSetup()
    {
        // Times are stored as UTC without an offset on both databases, as the SQLite schema always has.
        AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);
        // The migrations projects reference Portal, so Portal cannot reference them: its build puts their assemblies
        // beside Portal.dll (Portal.csproj), but .NET loads by name only what Portal.deps.json lists.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var file = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return MigrationsAssemblies.Contains(name.Name) && File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        };
    }

    /// <summary>The assembly holding a provider's migrations (<c>Portal.Migrations.Sqlite</c>, <c>Portal.Migrations.Postgres</c>).</summary>
    public static string MigrationsAssembly(string provider) => $"Portal.Migrations.{provider}";

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
            options.UseNpgsql(connectionString.ConnectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly(Postgres)));
        }
        else
        {
            options.UseSqlite($"Data Source={dataDirectory.DatabaseFile};Foreign Keys=True",
                    sqlite => sqlite.MigrationsAssembly(MigrationsAssembly(Sqlite)))
                .AddInterceptors(new SqliteConnectionSetup());
        }
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
