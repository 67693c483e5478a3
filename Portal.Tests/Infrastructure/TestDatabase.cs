namespace Portal.Tests.Infrastructure;

/// <summary>
/// Which database the portal under test runs on: a SQLite file in its data folder, or — when test.sh sets
/// <c>PORTAL_TEST_POSTGRES</c> to a throwaway server — a fresh PostgreSQL database of its own.
/// </summary>
public static class TestDatabase
{
    /// <summary>The trait of tests of SQLite itself (its files, its backup API), which the PostgreSQL run leaves out.</summary>
    public const string SqliteOnly = "SqliteOnly";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    public static bool IsPostgres => !string.IsNullOrEmpty(PostgresServer);

    /// <summary>The settings that give one portal its own new database (EF Core creates it when migrating).</summary>
    public static Dictionary<string, string> NewDatabase() => IsPostgres
        ? new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = $"{PostgresServer};Database=portal_test_{Guid.NewGuid():N}",
        }
        : new();
}
