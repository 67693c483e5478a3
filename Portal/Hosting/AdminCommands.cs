using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Auth;
using Portal.Features.Users;

namespace Portal.Hosting;

/// <summary>
/// The administration verbs run instead of the web server: <c>create-admin</c>, <c>backup</c>, <c>restore</c>,
/// <c>seed-synthetic</c>, <c>benchmark-lists</c>. Their options are declared in <see cref="CommandLine"/>.
/// </summary>
public static class AdminCommands
{
    public static async Task<int> CreateAdminAsync(WebApplication app, string email, string? name)
    {
        var password = Environment.GetEnvironmentVariable("PORTAL_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.Write("Password for the new administrator: ");
            password = Console.ReadLine();
        }
        await app.PrepareDataAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"A user with the email {email} already exists.");
            return 1;
        }
        var user = UserService.NewUser(email, name ?? email, organizationId: null);
        var result = await userManager.CreateAsync(user, password ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
            return 1;
        }
        await userManager.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"Created administrator {email}.");
        return 0;
    }

    /// <summary>backup and restore copy the SQLite file; on PostgreSQL its own tools do the job (README, "PostgreSQL").</summary>
    private static bool OnPostgres(WebApplication app, string tool)
    {
        if (Data.DatabaseSetup.Provider(app.Configuration) != Data.DatabaseSetup.Postgres) return false;
        Console.Error.WriteLine($"The portal runs on PostgreSQL: use {tool} (see README, \"PostgreSQL\"). This command works on the SQLite file.");
        return true;
    }

    /// <summary>Safe while the portal runs: SQLite's online backup copies a consistent snapshot.</summary>
    public static async Task<int> BackupAsync(WebApplication app, string outFile)
    {
        if (OnPostgres(app, "pg_dump")) return 2;
        var data = app.Services.GetRequiredService<Data.DataDirectory>();
        if (!File.Exists(data.DatabaseFile))
        {
            Console.Error.WriteLine($"There is no database at {data.DatabaseFile}.");
            return 1;
        }
        var summary = await Data.DataBackup.CreateAsync(data, Path.GetFullPath(outFile));
        Console.WriteLine($"Backed up {summary.DatabaseBytes / 1024} KB of database and {summary.Files} file(s) to {Path.GetFullPath(outFile)}");
        return 0;
    }

    /// <summary>Run with the portal stopped; the data it replaces is kept aside.</summary>
    public static async Task<int> RestoreAsync(WebApplication app, string backupFile)
    {
        if (OnPostgres(app, "pg_restore")) return 2;
        var data = app.Services.GetRequiredService<Data.DataDirectory>();
        try
        {
            var aside = await Data.DataBackup.RestoreAsync(data, backupFile);
            Console.WriteLine($"Restored {backupFile} into {data.Path}; the data it replaced is in {aside}");
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Fills the database with a large made-up data set, for <c>benchmark-lists</c> and load tests. Never in Production.</summary>
    public static async Task<int> SeedSyntheticAsync(WebApplication app, Benchmarks.SyntheticData.Counts counts)
    {
        if (app.Environment.IsProduction())
        {
            Console.Error.WriteLine("seed-synthetic adds thousands of made-up records; it does not run in Production.");
            return 2;
        }
        await app.PrepareDataAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = SystemScope(app);
        await Benchmarks.SyntheticData.SeedAsync(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.PortalDbContext>>(),
            counts, message => Console.Write($"\r{message}          "));
        Console.WriteLine($"\nSeeded {counts} in {watch.Elapsed.TotalSeconds:0} s.");
        return 0;
    }

    public static async Task<int> BenchmarkListsAsync(WebApplication app)
    {
        await app.PrepareDataAsync();
        await using var scope = SystemScope(app);
        Console.WriteLine($"database: {Data.DatabaseSetup.Provider(app.Configuration)}");
        Console.WriteLine($"{"query",-44} {"median",9} {"slowest",9} {"rows",8}");
        var slowest = 0.0;
        foreach (var (query, median, max, total) in await Benchmarks.ListBenchmark.RunAsync(scope.ServiceProvider))
        {
            Console.WriteLine($"{query,-44} {median,7:0.0}ms {max,7:0.0}ms {total,8:N0}");
            slowest = Math.Max(slowest, median);
        }
        Console.WriteLine($"slowest median: {slowest:0.0} ms (target: under 200 ms)");
        return 0;
    }

    public static async Task<int> BenchmarkReportAsync(WebApplication app, int runs)
    {
        if (app.Environment.IsProduction())
        {
            Console.Error.WriteLine("benchmark-report may add the synthetic data set; it does not run in Production.");
            return 2;
        }
        await app.PrepareDataAsync();
        await using var scope = SystemScope(app);
        var dbFactory = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
            if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ActionItems) < 100_000)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await Benchmarks.SyntheticData.SeedAsync(dbFactory, new Benchmarks.SyntheticData.Counts(), message => Console.Write($"\r{message}          "));
                Console.WriteLine($"\nSeeded the synthetic data set in {watch.Elapsed.TotalSeconds:0} s.");
            }
        Console.WriteLine($"database: {Data.DatabaseSetup.Provider(app.Configuration)}");
        Console.WriteLine($"{"query",-42} {"median",9} {"slowest",9}  size");
        var slowest = 0.0;
        foreach (var (query, median, max, size) in await Benchmarks.ReportBenchmark.RunAsync(scope.ServiceProvider, runs))
        {
            Console.WriteLine($"{query,-42} {median,7:0.0}ms {max,7:0.0}ms  {size}");
            slowest = Math.Max(slowest, median);
        }
        Console.WriteLine($"slowest median: {slowest:0.0} ms (target: the report in under 1,000 ms)");
        return 0;
    }

    /// <summary>A scope whose services see a signed-in administrator, as the audit log will name it: "command".</summary>
    public static AsyncServiceScope SystemScope(WebApplication app)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "command"), new Claim(ClaimTypes.Role, Roles.Admin)], "Command")),
        };
        return scope;
    }
}
