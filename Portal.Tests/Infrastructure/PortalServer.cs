using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>The real portal on a loopback port (Kestrel), over its own SQLite file with the demo data.</summary>
public sealed partial class PortalServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = TempDirectory.Create();
    private readonly IReadOnlyDictionary<string, string> settings;

    /// <summary>The database settings of this server, for a second instance over the same data.</summary>
    public Dictionary<string, string> DatabaseSettings { get; } = TestDatabase.NewDatabase();

    public PortalServer() : this(new Dictionary<string, string>()) { }

    /// <summary>A server with some settings of its own, for tests of behaviour the shared server turns down (the sign-in rate limit).</summary>
    internal PortalServer(IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost").TrimEnd('/');
    }

    public string BaseAddress { get; }

    /// <summary>The folder holding this server's database, for a second instance over the same data.</summary>
    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build output's static files (MudBlazor, fonts) are found only through this manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Portal:DataDirectory", dataDirectory);
        builder.UseSetting("Portal:DemoData", "true");
        builder.UseSetting("Portal:Reminders:Enabled", "false"); // tests run the reminders themselves, on a fake clock
        // Many test servers start and most print nothing: Chromium starts with the first document (the printer's own tests warm it).
        builder.UseSetting("Portal:Printing:WarmUp", "false");
        builder.UseSetting("urls", "http://127.0.0.1:0"); // loopback only
        // Every test signs in from 127.0.0.1; the limit has a test of its own.
        builder.UseSetting("Portal:SignIn:AttemptsPerMinute", "100000");
        foreach (var (key, value) in DatabaseSettings.Concat(settings)) builder.UseSetting(key, value);
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see where they lead.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
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
        var token = AntiforgeryTokenIn(form);
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The id of the demo workshop of 31 July 2567.</summary>
    public Task<int> WorkshopIdAsync() => QueryAsync(db => db.Meetings.Where(m => m.RoomEn == "Aiyara Room").Select(m => m.Id).SingleAsync());

    /// <summary>The workshop, an action item of it, and a file on each (on the workshop, on a progress update of the item).</summary>
    public sealed record WorkshopFiles(int Meeting, int Attachment, int ActionItem, int Update);

    /// <summary>Attaches a file to the workshop and to an update of one of its action items, stored the way an upload stores them.</summary>
    public async Task<WorkshopFiles> AttachWorkshopFilesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var attachments = scope.ServiceProvider.GetRequiredService<Portal.Data.DataDirectory>().Attachments;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var workshop = await WorkshopIdAsync();
        var item = await db.ActionItems.SingleAsync(i => i.TitleEn == Portal.DemoData.DemoActionItems.WorldBankReportTitleEn);
        async Task<string> StoreAsync(string folder)
        {
            var stored = Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(Path.Combine(attachments, folder));
            await File.WriteAllBytesAsync(Path.Combine(attachments, folder, stored), "%PDF-1.7\n%%EOF\n"u8.ToArray());
            return stored;
        }
        var attachment = db.MeetingAttachments.Add(new Portal.Features.Meetings.MeetingAttachment
        {
            MeetingId = workshop, FileName = "slides.pdf", ContentType = "application/pdf", Size = 15,
            StoredName = await StoreAsync(workshop.ToString()), UploadedAt = DateTime.UtcNow, UploadedBy = "test",
        }).Entity;
        var update = db.ActionItemUpdates.Add(new Portal.Features.ActionItems.ActionItemUpdate
        {
            ActionItemId = item.Id, Text = "file", AuthorName = "test", At = DateTime.UtcNow, AttachmentFileName = "reply.pdf",
            AttachmentContentType = "application/pdf", AttachmentSize = 15, AttachmentStoredName = await StoreAsync(Path.Combine("action-items", item.Id.ToString())),
        }).Entity;
        await db.SaveChangesAsync();
        return new WorkshopFiles(workshop, attachment.Id, item.Id, update.Id);
    }

    /// <summary>Reads this server's database directly, as a test checks what a request stored.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>A signed-in client for a new Partner account of the organization with this acronym.</summary>
    public async Task<HttpClient> PartnerClientAsync(string acronym) => await SignedInClientAsync(await NewAccountAsync(Roles.Partner, acronym));

    /// <summary>A new account with this role (of the organization with this acronym, if any) and the demo password; its email.</summary>
    public async Task<string> NewAccountAsync(string role, string? acronym = null)
    {
        var email = $"{role.ToLowerInvariant()}.{acronym?.ToLowerInvariant() ?? "kktt"}.{Guid.NewGuid():N}@kktt.demo";
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organizationId = acronym is null ? null : await db.Organizations.Where(o => o.Acronym == acronym).Select(o => (int?)o.Id).SingleAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var created = await users.CreateAsync(Portal.Features.Users.UserService.NewUser(email, acronym ?? role, organizationId), Portal.DemoData.DemoDataSeeder.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role);
        return email;
    }

    public Task<string> UserIdAsync(string email) => QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Runs service calls as the demo account of this role, as a page of that user would.</summary>
    public Task<T> AsDemoUserAsync<T>(string role, Func<IServiceProvider, Task<T>> work) => AsUserAsync(PortalHost.DemoAccount(role), work);

    /// <summary>Runs service calls as the account with this email, as a page of that user would.</summary>
    public async Task<T> AsUserAsync<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            // The principal a real sign-in gives this user: id, name, roles and security stamp.
            User = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user),
        };
        return await work(scope.ServiceProvider);
    }

    /// <summary>The antiforgery token of a form the portal rendered.</summary>
    public static string AntiforgeryTokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempDirectory.Delete(dataDirectory);
    }
}
