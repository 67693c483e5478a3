using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public static class DatabaseSetup
{
    public static void ConfigureSqlite(DbContextOptionsBuilder options, DataDirectory dataDirectory) =>
        options.UseSqlite($"Data Source={dataDirectory.DatabaseFile};Foreign Keys=True",
                sqlite => sqlite.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName))
            .AddInterceptors(new SqliteConnectionSetup());

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
