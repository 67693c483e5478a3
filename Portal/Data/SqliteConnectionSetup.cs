using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// What every SQLite connection needs as it opens: the Thai collation, and durable commits — with <c>synchronous=FULL</c>
/// a commit the portal has acknowledged is on disk even if the machine loses power right after (WAL's default only
/// survives a crash of the process).
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private static void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateCollation(ThaiCollation.Name, ThaiCollation.Compare);
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL;";
        command.ExecuteNonQuery();
    }
}
