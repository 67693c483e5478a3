using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Portal.Data;

namespace Portal.Tests.Integration;

/// <summary>Nothing acknowledged is lost: not when the portal is killed mid-write, not through a backup taken while it writes.</summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public class DurabilityTests
{
    [Fact]
    public async Task Killing_the_portal_in_the_middle_of_a_stream_of_saves_loses_no_acknowledged_save_and_leaves_the_database_intact()
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            var port = FreeLoopbackPort();
            using var portal = StartPortalProcess(dataDirectory, port);
            using var http = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilHealthyAsync(http, portal);

            // Each failed sign-in is a save: its audit entry is committed before the answer comes back.
            var token = PortalServer.AntiforgeryTokenIn(await http.GetStringAsync("/Account/Login"));
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var email = $"crash-{writer}-{i}@example.org";
                    try
                    {
                        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
                        {
                            ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = "wrong-password",
                        }));
                        if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(email);
                    }
                    catch (HttpRequestException)
                    {
                        return; // the portal is gone
                    }
                }
            })).ToArray();

            // A failed sign-in checks a password hash (as a real one does, unknown address or not): wait for enough saves
            // rather than a fixed time, which a busy machine may fill with only a few.
            var streaming = System.Diagnostics.Stopwatch.StartNew();
            while ((acknowledged.Count <= 25 || streaming.Elapsed < TimeSpan.FromSeconds(2)) && streaming.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(50);
            portal.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, requests in flight
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            await portal.WaitForExitAsync();

            Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} saves were acknowledged before the kill");
            var database = Path.Combine(dataDirectory, "portal.db");
            Assert.Equal("ok", await DataBackup.IntegrityCheckAsync(database));
            var stored = await ReadColumnAsync(database, "SELECT EntityId FROM AuditEntries WHERE EntityType = 'SignIn'");
            Assert.Empty(acknowledged.Except(stored));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_the_portal_writes_restores_to_a_consistent_database_with_its_files()
    {
        await using var host = await PortalHost.StartAsync();
        var data = host.Get<DataDirectory>();
        var attachment = Path.Combine(data.Attachments, "meetings", "1", "stored-name.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(attachment)!);
        var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 attachment body");
        await File.WriteAllBytesAsync(attachment, bytes);

        var before = (await ReadColumnAsync(data.DatabaseFile, "SELECT Id FROM AuditEntries")).Count;
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={data.DatabaseFile}");
            await connection.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO AuditEntries (At, UserName, EntityType, EntityId, Action, Changes) VALUES ('2026-11-25', 'writer', 'Test', $n, 'Created', '{}')";
                insert.Parameters.AddWithValue("$n", writes.ToString());
                await insert.ExecuteNonQueryAsync();
                writes++;
            }
        });
        await Task.Delay(200);
        var backupFile = Path.Combine(host.DataDirectory, "..", $"backup-{Guid.NewGuid():N}.zip");
        try
        {
            var summary = await DataBackup.CreateAsync(data, backupFile);
            await Task.Delay(200);
            await stop.CancelAsync();
            await writer;
            var after = (await ReadColumnAsync(data.DatabaseFile, "SELECT Id FROM AuditEntries")).Count;
            Assert.True(summary.Files >= 1);

            var elsewhere = new DataDirectory(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["Portal:DataDirectory"] = TempDirectory.Create() }).Build());
            try
            {
                await DataBackup.RestoreAsync(elsewhere, backupFile);
                Assert.Equal("ok", await DataBackup.IntegrityCheckAsync(elsewhere.DatabaseFile));
                var restored = (await ReadColumnAsync(elsewhere.DatabaseFile, "SELECT Id FROM AuditEntries")).Count;
                Assert.InRange(restored, before + 1, after - 1); // a snapshot taken in the middle of the writes
                Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(elsewhere.Attachments, "meetings", "1", "stored-name.pdf")));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                TempDirectory.Delete(elsewhere.Path);
            }
        }
        finally
        {
            File.Delete(backupFile);
        }
    }

    [Fact]
    public async Task Restoring_something_that_is_not_a_backup_changes_nothing()
    {
        var directory = TempDirectory.Create();
        try
        {
            var data = new DataDirectory(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["Portal:DataDirectory"] = directory }).Build());
            await File.WriteAllTextAsync(data.DatabaseFile, "current");
            var notBackup = Path.Combine(directory, "other.zip");
            await using (var zip = await System.IO.Compression.ZipFile.OpenAsync(notBackup, System.IO.Compression.ZipArchiveMode.Create))
                await using (var writer = new StreamWriter(await zip.CreateEntry("readme.txt").OpenAsync())) await writer.WriteAsync("hello");

            await Assert.ThrowsAsync<InvalidDataException>(() => DataBackup.RestoreAsync(data, notBackup));
            Assert.Equal("current", await File.ReadAllTextAsync(data.DatabaseFile));
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private static async Task<List<string>> ReadColumnAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The real portal as its own process (the build beside these tests), so that it can be killed.</summary>
    private static Process StartPortalProcess(string dataDirectory, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Portal__DataDirectory"] = dataDirectory;
        start.Environment["Portal__Reminders__Enabled"] = "false";
        start.Environment["Portal__Printing__WarmUp"] = "false"; // it prints nothing here
        start.Environment["Portal__SignIn__AttemptsPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient http, Process portal)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            Assert.False(portal.HasExited, "the portal exited while starting");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail("the portal did not become healthy in 30 s");
    }

}
