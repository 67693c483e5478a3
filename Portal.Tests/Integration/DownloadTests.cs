using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Ical.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Hosting;
using Portal.Validation;

namespace Portal.Tests.Integration;

/// <summary>
/// Every document, export and download over real HTTP: never cached, offered under a clean file name, and linking to the
/// portal's configured address whatever host the request named. The personal-data download holds no sign-in secret.
/// </summary>
[Collection(nameof(ServerCollection))]
public class DownloadTests(PortalServer server)
{
    [Fact]
    public async Task Every_document_export_and_download_tells_browsers_and_proxies_not_to_store_it()
    {
        var files = await server.AttachWorkshopFilesAsync();
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        string[] paths =
        [
            $"/meetings/{files.Meeting}/minutes?lang=th",
            $"/meetings/{files.Meeting}/minutes.pdf?lang=bilingual",
            $"/meetings/{files.Meeting}/minutes.docx?lang=bilingual",
            $"/meetings/{files.Meeting}/attendance-sheet.pdf",
            $"/meetings/{files.Meeting}/attendance.csv",
            $"/meetings/{files.Meeting}/calendar.ics",
            "/meetings/calendar.ics",
            $"/meetings/{files.Meeting}/attachments/{files.Attachment}",
            "/action-items/export.csv?status=Open",
            $"/action-items/{files.ActionItem}/updates/{files.Update}/attachment",
        ];
        foreach (var path in paths)
        {
            var response = await staff.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} has Cache-Control: {response.Headers.CacheControl}");
        }
        // The convention is the documents' own: the portal's style sheet, which holds nothing personal, may be cached.
        Assert.NotEqual(true, (await staff.GetAsync("/app.css")).Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Download_file_names_carry_no_control_or_bidi_characters_even_from_a_record_stored_before_cleaning()
    {
        var files = await server.AttachWorkshopFilesAsync();
        // Written past the data context, as rows from before the cleaning were.
        await server.QueryAsync(db => db.MeetingAttachments.Where(a => a.Id == files.Attachment)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FileName, "สไลด์\u202Egpj.pdf\u0007")));
        await server.QueryAsync(db => db.ActionItemUpdates.Where(u => u.Id == files.Update)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AttachmentFileName, "reply\u2066\u001B[2J.pdf")));

        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        foreach (var (path, expected) in new[]
        {
            ($"/meetings/{files.Meeting}/attachments/{files.Attachment}", "สไลด์gpj.pdf"),
            ($"/action-items/{files.ActionItem}/updates/{files.Update}/attachment", "reply[2J.pdf"),
        })
        {
            var response = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal(expected, disposition.FileNameStar);
            var header = string.Join(";", response.Content.Headers.GetValues("Content-Disposition"));
            Assert.DoesNotContain(Uri.UnescapeDataString(header), c => char.IsControl(c) || TextCleaning.IsBidiControl(c));
        }
    }

    [Fact]
    public async Task Calendar_links_use_the_configured_address_whatever_host_the_request_names()
    {
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var workshop = await server.WorkshopIdAsync();
        foreach (var path in new[] { $"/meetings/{workshop}/calendar.ics", "/meetings/calendar.ics" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Add("X-Forwarded-Proto", "https");
            var response = await staff.SendAsync(request);
            // This server allows every host (Testing); what matters is that the links do not follow it.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", text);
            var events = Calendar.Load(text)!.Events;
            Assert.NotEmpty(events);
            Assert.All(events, e => Assert.StartsWith($"{PublicAddress.Default}meetings/", e.Url!.ToString()));
            Assert.All(events, e => Assert.EndsWith("@localhost", e.Uid));
        }
    }

    [Fact]
    public async Task The_personal_data_download_of_an_account_with_two_factors_holds_no_sign_in_secret()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        string key;
        string[] recoveryCodes;
        var credentialId = "credential-id-of-the-test"u8.ToArray();
        var publicKey = "public-key-material-of-the-test"u8.ToArray();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
            recoveryCodes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
            await users.AddOrUpdatePasskeyAsync(user, new UserPasskeyInfo(credentialId, publicKey, DateTimeOffset.UtcNow, 0, ["internal"],
                isUserVerified: true, isBackupEligible: false, isBackedUp: false, "attestation"u8.ToArray(), "{}"u8.ToArray()) { Name = "โน้ตบุ๊กที่ทำงาน" });
        }
        var stored = await server.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));

        // Signed in with the password and the authenticator's code, as the account holder would.
        var client = server.NewClient();
        var password = await PortalServer.SubmitLoginAsync(client, email, DemoData.DemoDataSeeder.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString);
        var form = await client.GetStringAsync(password.Headers.Location!.OriginalString);
        var signedIn = await client.PostAsync(password.Headers.Location!.OriginalString, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(form),
            ["_handler"] = "login-with-2fa",
            ["Input.TwoFactorCode"] = TwoFactorTests.Totp(key),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await client.GetStringAsync("/Account/Manage/PersonalData");
        Assert.Contains("download-personal-data", page);
        var response = await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(page),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true);
        Assert.Equal("PersonalData.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var json = await response.Content.ReadAsStringAsync();

        // What the account says about its holder is there.
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Equal(email, data.GetProperty("Email").GetString());
        Assert.True(data.GetProperty("TwoFactorEnabled").GetBoolean());
        Assert.Equal(Roles.Staff, data.GetProperty("Roles")[0].GetString());
        Assert.Equal("โน้ตบุ๊กที่ทำงาน", data.GetProperty("Passkeys")[0].GetProperty("Name").GetString());
        // What proves the holder is them is not.
        string[] secrets =
        [
            key, key.ToLowerInvariant(), stored.PasswordHash!, stored.SecurityStamp!, stored.ConcurrencyStamp!,
            Base64Url.EncodeToString(credentialId), Convert.ToBase64String(credentialId), Base64Url.EncodeToString(publicKey), Convert.ToBase64String(publicKey),
            .. recoveryCodes,
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, json));
        Assert.DoesNotContain("Authenticator", json, StringComparison.OrdinalIgnoreCase);
        Assert.True(await server.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Exported && a.EntityId == stored.Id && a.Changes.Contains("PersonalData.json"))));
    }
}

/// <summary>A portal whose host names are restricted and whose public address is configured, as in Production.</summary>
public class AllowedHostsTests : IAsyncLifetime
{
    private const string PublicUrl = "https://portal.kktt.example";
    private PortalServer server = null!;

    public Task InitializeAsync()
    {
        server = new PortalServer(new Dictionary<string, string>
        {
            ["AllowedHosts"] = "localhost", ["Portal:PublicUrl"] = PublicUrl, ["Portal:KnownProxies"] = "127.0.0.1",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_request_naming_another_host_is_refused_and_links_follow_the_configuration_not_the_forwarded_host()
    {
        foreach (var path in new[] { "/health", "/Account/Login" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            Assert.Equal(HttpStatusCode.BadRequest, (await server.NewClient().SendAsync(request)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await server.NewClient().GetAsync("/health")).StatusCode);

        // Even from a proxy the portal trusts, a forwarded host does not reach the links.
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var workshop = await server.WorkshopIdAsync();
        var calendarRequest = new HttpRequestMessage(HttpMethod.Get, $"/meetings/{workshop}/calendar.ics");
        calendarRequest.Headers.Add("X-Forwarded-Host", "evil.example");
        var response = await staff.SendAsync(calendarRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendarEvent = Assert.Single(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
        Assert.Equal($"{PublicUrl}/meetings/{workshop}", calendarEvent.Url!.ToString());
        Assert.Equal($"meeting-{workshop}@portal.kktt.example", calendarEvent.Uid);
    }
}
