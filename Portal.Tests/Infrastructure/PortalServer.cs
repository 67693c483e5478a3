using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>The real portal on a loopback port (Kestrel), over its own SQLite file with the demo data.</summary>
public sealed partial class PortalServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = TempDirectory.Create();

    public PortalServer()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost").TrimEnd('/');
    }

    public string BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build output's static files (MudBlazor, fonts) are found only through this manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Portal:DataDirectory", dataDirectory);
        builder.UseSetting("Portal:DemoData", "true");
        builder.UseSetting("Portal:Reminders:Enabled", "false"); // tests run the reminders themselves, on a fake clock
        builder.UseSetting("urls", "http://127.0.0.1:0"); // loopback only
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see where they lead.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(BaseAddress),
    };
    /// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Portal.DemoData.DemoDataSeeder.Password)
    {
        var client = NewClient();
        var response = await SubmitLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempDirectory.Delete(dataDirectory);
    }
}
