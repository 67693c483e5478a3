using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.DemoData;
using Portal.Hosting;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal's real service wiring over a fresh SQLite file with the demo data, without a web server:
/// services are called the way pages call them, as a chosen signed-in user.
/// </summary>
public sealed class PortalHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AsyncServiceScope scope;

    private PortalHost(WebApplication app, string dataDirectory)
    {
        this.app = app;
        DataDirectory = dataDirectory;
        scope = app.Services.CreateAsyncScope();
    }

    public string DataDirectory { get; }
    public IServiceProvider Services => scope.ServiceProvider;

    public static async Task<PortalHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataDirectory = TempDirectory.Create();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Portal:DataDirectory"] = dataDirectory;
        builder.Configuration["Portal:DemoData"] = "true";
        foreach (var (key, value) in TestDatabase.NewDatabase().Concat(settings ?? new Dictionary<string, string>())) builder.Configuration[key] = value;
        builder.AddPortal();
        // The framework's accessor keeps the request in an AsyncLocal, which does not survive from a test's
        // set-up into its body; here the "request" is simply whoever the test signed in last.
        builder.Services.AddSingleton<IHttpContextAccessor, SignedInUser>();
        var app = builder.Build();
        await app.PrepareDataAsync();
        return new PortalHost(app, dataDirectory);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Makes every following service call run as the demo account with this email.</summary>
    public async Task SignInAsAsync(string email)
    {
        var users = Get<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        Get<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            // The principal a real sign-in gives this user: id, name, roles and security stamp.
            User = await Get<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user),
            RequestServices = Services,
        };
    }

    public Task SignInAsRoleAsync(string role) => SignInAsAsync(DemoAccount(role));

    public static string DemoAccount(string role) => DemoDataSeeder.Accounts.First(a => a.Role == role).Email;

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempDirectory.Delete(DataDirectory);
    }
}

public static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "kktt-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

internal sealed class SignedInUser : IHttpContextAccessor
{
    public HttpContext? HttpContext { get; set; }
}
