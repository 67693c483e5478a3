using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Portal.Data;

/// <summary>
/// One file holding everything the portal keeps: the SQLite database copied with SQLite's online backup (a consistent
/// snapshot while the portal goes on writing; the data-protection keys are in it) and the attachments, as a zip archive.
/// </summary>
public static class DataBackup
{
    private const string DatabaseEntry = "portal.db";
    private static readonly string[] Folders = ["attachments"];

    public sealed record Summary(long DatabaseBytes, int Files);

    public static async Task<Summary> CreateAsync(DataDirectory data, string outFile, CancellationToken cancellationToken = default)
    {
        var snapshot = Path.Combine(Path.GetTempPath(), $"kktt-backup-{Guid.NewGuid():N}.db");
        var partial = outFile + ".partial";
        try
        {
            await using (var source = new SqliteConnection($"Data Source={data.DatabaseFile};Mode=ReadOnly"))
            await using (var target = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
            }
            var files = 0;
            await using (var zip = await ZipFile.OpenAsync(partial, ZipArchiveMode.Create, cancellationToken))
            {
                await zip.CreateEntryFromFileAsync(snapshot, DatabaseEntry, CompressionLevel.Optimal, cancellationToken);
                foreach (var folder in Folders)
                {
                    var root = Path.Combine(data.Path, folder);
                    if (!Directory.Exists(root)) continue;
                    foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                    {
                        var entry = folder + "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
                        await zip.CreateEntryFromFileAsync(file, entry, CompressionLevel.Fastest, cancellationToken);
                        files++;
                    }
                }
            }
            File.Move(partial, outFile, overwrite: true);
            return new Summary(new FileInfo(snapshot).Length, files);
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Puts a backup in place of the data directory's contents, with the portal stopped. What was there is moved aside to
    /// <c>before-restore-…</c>, never deleted. The archive's database must pass SQLite's integrity check first.
    /// </summary>
    public static async Task<string?> RestoreAsync(DataDirectory data, string backupFile, CancellationToken cancellationToken = default)
    {
        var staging = Path.Combine(data.Path, $"restoring-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await ZipFile.ExtractToDirectoryAsync(backupFile, staging, cancellationToken);
            var database = Path.Combine(staging, DatabaseEntry);
            if (!File.Exists(database))
                throw new InvalidDataException("The archive holds no portal.db; it is not a portal backup.");
            var check = await IntegrityCheckAsync(database, cancellationToken);
            if (check != "ok")
                throw new InvalidDataException($"The backup's database fails SQLite's integrity check: {check}");

            var aside = Path.Combine(data.Path, $"before-restore-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(aside);
            foreach (var name in (string[])[DatabaseEntry, DatabaseEntry + "-wal", DatabaseEntry + "-shm", .. Folders])
            {
                var current = Path.Combine(data.Path, name);
                if (File.Exists(current)) File.Move(current, Path.Combine(aside, name));
                else if (Directory.Exists(current)) Directory.Move(current, Path.Combine(aside, name));
            }
            // Only the archive's own contents: the integrity check may have left a log file beside the staged copy.
            foreach (var name in (string[])[DatabaseEntry, .. Folders])
            {
                var restored = Path.Combine(staging, name);
                var current = Path.Combine(data.Path, name);
                if (File.Exists(restored)) File.Move(restored, current);
                else if (Directory.Exists(restored)) Directory.Move(restored, current);
            }
            return aside;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public static async Task<string> IntegrityCheckAsync(string databaseFile, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
