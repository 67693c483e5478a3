using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Integration;

/// <summary>
/// <c>dotnet Portal.dll</c> as an operator runs it (the build beside these tests): verbs do their work and exit, and
/// with no verb the web app starts with the web-host arguments it is given.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public class CommandLineVerbTests
{
    [Fact]
    public async Task Create_admin_backup_and_restore_run_on_a_data_folder_and_say_what_they_did()
    {
        var dataDirectory = TempDirectory.Create();
        var backup = dataDirectory + ".zip";
        try
        {
            var created = await RunPortalAsync(dataDirectory, ["create-admin", "--email", "first.admin@example.org", "--name", "First Admin"],
                ("PORTAL_ADMIN_PASSWORD", "Command-Line-2567!"));
            Assert.True(created.ExitCode == 0, created.Error);
            Assert.Contains("Created administrator first.admin@example.org.", created.Output);

            var again = await RunPortalAsync(dataDirectory, ["create-admin", "--email", "first.admin@example.org"], ("PORTAL_ADMIN_PASSWORD", "Command-Line-2567!"));
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("already exists", again.Error);

            var backedUp = await RunPortalAsync(dataDirectory, ["backup", "--out", backup]);
            Assert.True(backedUp.ExitCode == 0, backedUp.Error);
            Assert.StartsWith("Backed up ", backedUp.Output);
            Assert.True(File.Exists(backup));

            var restored = await RunPortalAsync(dataDirectory, ["restore", "--from", backup]);
            Assert.True(restored.ExitCode == 0, restored.Error);
            Assert.StartsWith($"Restored {backup} into ", restored.Output);
            Assert.Single(Directory.GetDirectories(dataDirectory, "before-restore-*"));
        }
        finally
        {
            File.Delete(backup);
            TempDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task A_verb_without_its_required_option_exits_non_zero_naming_it_and_touches_no_data()
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            var run = await RunPortalAsync(dataDirectory, ["backup"]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("'--out'", run.Error);
            Assert.Contains("Usage:", run.Output);
            Assert.Empty(Directory.GetFileSystemEntries(dataDirectory));
        }
        finally
        {
            TempDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task Without_a_verb_the_web_app_serves_with_the_urls_and_configuration_given_as_arguments()
    {
        var dataDirectory = TempDirectory.Create();
        var port = FreeLoopbackPort();
        using var portal = StartPortal(null, [$"--urls=http://127.0.0.1:{port}", $"--Portal:DataDirectory={dataDirectory}"]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var attempt = 0; ; attempt++)
            {
                if (portal.HasExited) Assert.Fail("the portal exited while starting: " + await portal.StandardError.ReadToEndAsync());
                Assert.True(attempt < 150, "the portal did not become healthy in 30 s");
                try
                {
                    if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(200);
            }
            Assert.True(File.Exists(Path.Combine(dataDirectory, "portal.db")), "the data folder given on the command line holds the database");
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
            TempDirectory.Delete(dataDirectory);
        }
    }

    private sealed record Result(int ExitCode, string Output, string Error);

    private static async Task<Result> RunPortalAsync(string dataDirectory, string[] args, params (string Name, string Value)[] environment)
    {
        using var portal = StartPortal(dataDirectory, args, environment);
        var output = portal.StandardOutput.ReadToEndAsync();
        var error = portal.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await portal.WaitForExitAsync(timeout.Token);
        return new Result(portal.ExitCode, await output, await error);
    }

    private static Process StartPortal(string? dataDirectory, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("ASPNETCORE_URLS");
        if (dataDirectory is not null) start.Environment["Portal__DataDirectory"] = dataDirectory;
        start.Environment["Portal__Reminders__Enabled"] = "false";
        start.Environment["Portal__Printing__WarmUp"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Error";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.StandardInput.Close(); // a verb that asks for something finds no answer rather than waiting
        return process;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
