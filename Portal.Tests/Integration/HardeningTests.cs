using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;

namespace Portal.Tests.Integration;

/// <summary>Security headers, cookie flags, the sign-in rate limit and the audit of sign-ins and exports, over real HTTP.</summary>
[Collection(nameof(ServerCollection))]
public partial class HardeningTests(PortalServer server)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    [InlineData("/app.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await server.NewClient().GetAsync(path);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}';", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_only_inline_script_is_allowed_by_this_response_nonce_alone()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var first = await client.GetAsync("/meetings");
        var second = await client.GetAsync("/meetings");
        string NonceOf(HttpResponseMessage r) => NonceInPolicy().Match(r.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
        Assert.NotEqual(NonceOf(first), NonceOf(second));

        var html = await first.Content.ReadAsStringAsync();
        var inlineScripts = InlineScript().Matches(html);
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, m => Assert.Contains($"nonce=\"{NonceOf(first)}\"", m.Value));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var client = server.NewClient();
        var response = await PortalServer.SubmitLoginAsync(client, PortalHost.DemoAccount(Roles.Staff), Portal.DemoData.DemoDataSeeder.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_pdf_exports_are_in_the_audit_log()
    {
        var email = PortalHost.DemoAccount(Roles.Coordinator);
        var failed = await PortalServer.SubmitLoginAsync(server.NewClient(), email, "not the password");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var nobody = $"nobody-{Guid.NewGuid():N}@example.org";
        await PortalServer.SubmitLoginAsync(server.NewClient(), nobody, "whatever-it-is");
        var client = await server.SignedInClientAsync(email);
        var workshop = await server.WorkshopIdAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/meetings/{workshop}/minutes.pdf?lang=en")).StatusCode);

        var signIns = await server.QueryAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "SignIn" && (a.EntityId == email || a.EntityId == nobody)).OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(signIns, a => a.EntityId == email && a.Action == AuditAction.SignInFailed && a.UserId != null && a.Changes.Contains("127.0.0.1"));
        Assert.Contains(signIns, a => a.EntityId == nobody && a.Action == AuditAction.SignInFailed && a.UserId == null);
        Assert.Contains(signIns, a => a.EntityId == email && a.Action == AuditAction.SignedIn);
        var export = await server.QueryAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.Exported && a.EntityId == workshop.ToString() && a.UserName == email).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Contains("minutes.pdf", export.Changes);
        Assert.Contains("\"en\"", export.Changes);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_accepts_the_first_one_sign_in_cookie()
    {
        var cookies = new CookieContainer();
        var first = server.NewClient(cookies);
        Assert.Equal(HttpStatusCode.Redirect,
            (await PortalServer.SubmitLoginAsync(first, PortalHost.DemoAccount(Roles.Staff), Portal.DemoData.DemoDataSeeder.Password)).StatusCode);

        await using var second = new PortalServer(new Dictionary<string, string>(server.DatabaseSettings)
        {
            ["Portal:DataDirectory"] = server.DataDirectory, ["Portal:DemoData"] = "false",
        });
        var response = await second.NewClient(cookies).GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "keys")), "keys belong in the database, not in a folder of one machine");
    }

    [Fact]
    public async Task A_forwarded_client_address_is_believed_only_from_a_known_proxy()
    {
        await using var behindProxy = new PortalServer(new Dictionary<string, string> { ["Portal:KnownProxies"] = "127.0.0.1" });
        foreach (var (portal, expected) in new[] { (behindProxy, "203.0.113.7"), (server, "127.0.0.1") })
        {
            var email = $"forwarded-{Guid.NewGuid():N}@example.org";
            var client = portal.NewClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            await PortalServer.SubmitLoginAsync(client, email, "wrong-password");

            var entry = await portal.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "SignIn" && a.EntityId == email));
            Assert.Contains($"\"{expected}\"", entry.Changes);
        }
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}

/// <summary>A server of its own with a low limit, so the shared server's many sign-ins do not count against it.</summary>
public class SignInRateLimitTests : IAsyncLifetime
{
    private PortalServer server = null!;

    public Task InitializeAsync()
    {
        server = new PortalServer(new Dictionary<string, string> { ["Portal:SignIn:AttemptsPerMinute"] = "3" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_fourth_attempt_within_a_minute_from_one_address_is_turned_away_with_a_bilingual_message()
    {
        var client = server.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PortalServer.SubmitLoginAsync(client, $"guess{i}@example.org", "wrong-password")).StatusCode);

        var refused = await PortalServer.SubmitLoginAsync(client, PortalHost.DemoAccount(Roles.Staff), Portal.DemoData.DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        var message = await refused.Content.ReadAsStringAsync();
        Assert.Contains("กรุณารอหนึ่งนาที", message);
        Assert.Contains("Wait a minute", message);
        // Reading the form is not an attempt: the page itself still opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
