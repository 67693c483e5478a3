using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Organizations;
using Portal.Validation;

namespace Portal.Tests.Integration;

/// <summary>
/// A database an earlier portal made opens in this one without loss. The fixtures are the demo database as commit
/// b49b0a0 (the last before the migrations moved into their own projects) left it on its first start: the SQLite file,
/// and a plain dump of the same on PostgreSQL (<c>pg_dump --inserts --no-owner --no-privileges</c>). The portal must
/// find every migration applied there under its id, apply none again, keep every row, and work on it.
/// </summary>
public class UpgradeTests
{
    private const string Fixture = "demo-b49b0a0";

    [Fact]
    public async Task A_database_from_before_the_migrations_projects_opens_with_every_row_and_no_migration_applied_again()
    {
        var (settings, connect, dataDirectory) = TestDatabase.IsPostgres ? await RestorePostgresFixtureAsync() : CopySqliteFixture();
        try
        {
            var history = await ReadHistoryAsync(connect);
            Assert.Equal(TestDatabase.IsPostgres ? 7 : 11, history.Count);
            var stored = await ReadRowsAsync(connect);
            Assert.Equal(2, stored.Rows.Count(r => r.StartsWith("Meetings:", StringComparison.Ordinal)));

            settings["Portal:DemoData"] = "false";
            await using var server = new PortalServer(settings);

            await server.QueryAsync(async db =>
            {
                var known = db.Database.GetMigrations().ToList();
                Assert.Equal(history.Select(m => m.Id), known.Take(history.Count));
                Assert.Equal(known, await db.Database.GetAppliedMigrationsAsync());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                return 0;
            });
            // Applied again, a migration would get a new history row (and fail on its existing tables); none did.
            Assert.Equal(history, (await ReadHistoryAsync(connect)).Take(history.Count));
            Assert.Equal(stored.Rows, (await ReadRowsAsync(connect, stored.Columns)).Rows);

            // The portal works on it: its pages show the stored meetings, its services search, edit and add.
            var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
            var meetings = await server.QueryAsync(db => db.Meetings.Select(m => new { m.Id, m.TitleTh }).ToListAsync());
            var worldBank = await server.QueryAsync(db => db.Organizations.Where(o => o.Acronym == "WB").Select(o => o.Id).SingleAsync());
            var worldBankPage = await staff.GetStringAsync($"/organizations/{worldBank}");
            foreach (var meeting in meetings)
            {
                Assert.Contains(meeting.TitleTh, worldBankPage);
                Assert.Contains(meeting.TitleTh, await staff.GetStringAsync($"/meetings/{meeting.Id}"));
            }
            await server.AsDemoUserAsync(Roles.Staff, async services =>
            {
                var organizations = services.GetRequiredService<OrganizationService>();
                var kktt = Assert.Single((await organizations.ListAsync(new ListQuery("think tank", 0, 10, null, false))).Items);
                Assert.Equal("KKTT", kktt.Acronym);
                var form = OrganizationForm.From((await organizations.GetAsync(kktt.Id))!);
                form.Notes = "Edited after the upgrade";
                Assert.True((await organizations.SaveAsync(kktt.Id, form)).Succeeded);
                Assert.Equal("Edited after the upgrade", (await organizations.GetAsync(kktt.Id))!.Notes);
                // On PostgreSQL the dump restored the identity sequences too, or this insert would collide with a stored id.
                var added = await organizations.SaveAsync(null, new OrganizationForm { NameTh = "หน่วยงานหลังการปรับรุ่น", NameEn = "Office added after the upgrade" });
                Assert.True(added.Succeeded);
                Assert.Contains((await organizations.ListAsync(new ListQuery("after the upgrade", 0, 10, null, false))).Items, o => o.Id == added.Id);
                return 0;
            });
        }
        finally
        {
            if (dataDirectory is not null) TempDirectory.Delete(dataDirectory);
        }
    }

    /// <summary>The SQLite fixture as the database of a new data folder.</summary>
    private static (Dictionary<string, string>, Func<DbConnection>, string?) CopySqliteFixture()
    {
        var dataDirectory = TempDirectory.Create();
        var file = Path.Combine(dataDirectory, "portal.db");
        File.Copy(Path.Combine(RepositoryRoot.Path, "Portal.Tests", "Fixtures", Fixture + ".db"), file);
        return (new() { ["Portal:DataDirectory"] = dataDirectory }, () => new SqliteConnection($"Data Source={file};Pooling=False"), dataDirectory);
    }

    /// <summary>The PostgreSQL dump restored into a new database of the test server.</summary>
    private static async Task<(Dictionary<string, string>, Func<DbConnection>, string?)> RestorePostgresFixtureAsync()
    {
        // Npgsql reads its timestamp switch once, when first used, and DatabaseSetup sets it: that goes first.
        RuntimeHelpers.RunClassConstructor(typeof(DatabaseSetup).TypeHandle);
        var database = $"portal_upgrade_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection($"{TestDatabase.PostgresServer};Database=postgres;Pooling=False"))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", server);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = $"{TestDatabase.PostgresServer};Database={database};Pooling=False";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // Lines starting with a backslash (pg_dump's \restrict guard) are commands of psql, not SQL.
            var dump = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot.Path, "Portal.Tests", "Fixtures", Fixture + ".postgres.sql"));
            await using var restore = new NpgsqlCommand(string.Join('\n', dump.Where(line => !line.StartsWith('\\'))), connection);
            await restore.ExecuteNonQueryAsync();
        }
        return (new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Portal"] = connectionString }, () => new NpgsqlConnection(connectionString), null);
    }

    private static async Task<List<(string Id, string ProductVersion)>> ReadHistoryAsync(Func<DbConnection> connect)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\", \"ProductVersion\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        await using var reader = await command.ExecuteReaderAsync();
        var history = new List<(string, string)>();
        while (await reader.ReadAsync()) history.Add((reader.GetString(0), reader.GetString(1)));
        return history;
    }

    private sealed record TableRows(Dictionary<string, List<string>> Columns, List<string> Rows);

    /// <summary>
    /// Every row of every table as "Table: column=value|…", sorted. Given the columns of an earlier reading, only those
    /// tables and columns: a later migration may add some. The history is read on its own, and data-protection keys are left out (the
    /// portal makes a new one when the fixture's has expired).
    /// </summary>
    private static async Task<TableRows> ReadRowsAsync(Func<DbConnection> connect, Dictionary<string, List<string>>? columnsOf = null)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var result = new TableRows([], []);
        foreach (var table in tables.Where(t => t is not ("__EFMigrationsHistory" or "DataProtectionKeys") && (columnsOf is null || columnsOf.ContainsKey(t))))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = columnsOf is null
                ? $"SELECT * FROM \"{table}\""
                : $"SELECT {string.Join(", ", columnsOf[table].Select(c => $"\"{c}\""))} FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            result.Columns[table] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            while (await reader.ReadAsync())
                result.Rows.Add($"{table}: {string.Join('|', result.Columns[table].Select((column, i) => $"{column}={Text(reader.GetValue(i))}"))}");
        }
        result.Rows.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
