using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// SQLite compares text byte by byte, which files "เทศบาล" after every word that starts with a consonant.
/// This collation sorts as a Thai dictionary does (leading vowels skipped, then tones), and English case-insensitively.
/// </summary>
public sealed class ThaiCollation : DbConnectionInterceptor
{
    public const string Name = "THAI";
    private static readonly CompareInfo Thai = CultureInfo.GetCultureInfo("th-TH").CompareInfo;

    public static int Compare(string? x, string? y) => Thai.Compare(x, y, CompareOptions.IgnoreCase);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateCollation(Name, Compare);
    }
}
