using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;

namespace Portal.Tests.Integration;

/// <summary>With two factors required for administrators, a password alone opens nothing but signing in, the set-up pages and static files.</summary>
public class TwoFactorTests : IAsyncLifetime
{
    private PortalServer server = null!;

    public Task InitializeAsync()
    {
        server = new PortalServer(new Dictionary<string, string> { ["Portal:RequireTwoFactorForAdmins"] = "true" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task An_administrator_signed_in_with_a_password_only_is_sent_to_set_up_two_factor_and_gets_in_with_a_code()
    {
        var admin = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Admin));
        var blocked = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith("/Account/Manage/TwoFactorAuthentication?required=true", blocked.Headers.Location!.OriginalString);
        Assert.Contains("two-factor-required", await admin.GetStringAsync(blocked.Headers.Location!.OriginalString));
        // Other roles are not affected.
        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/meetings")).StatusCode);

        // The administrator sets up an authenticator app and signs in again with its code.
        var client = await SignInWithCodeAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    /// <summary>
    /// Every kind of endpoint that gives out data: calendars, CSV, PDF, Word, the print preview, attachments of meetings and of
    /// action items, the account's personal data, and the interactive pages' connection. The paths ending in ".pdf" or
    /// ".csv" once passed as static files.
    /// </summary>
    private static readonly string[] DataEndpoints =
    [
        "/meetings/calendar.ics", "/meetings/{workshop}/calendar.ics", "/meetings/{workshop}/attendance.csv", "/action-items/export.csv",
        "/meetings/{workshop}/minutes.pdf?lang=th", "/meetings/{workshop}/minutes.docx?lang=th", "/meetings/{workshop}/attendance-sheet.pdf", "/meetings/{workshop}/minutes?lang=en",
        "/meetings/{workshop}/attachments/{meetingFile}", "/action-items/{item}/updates/{update}/attachment",
        "/admin/users", "/Account/Manage/ChangePassword",
    ];

    [Fact]
    public async Task Without_the_second_factor_no_data_endpoint_answers_and_with_it_every_one_does()
    {
        var ids = await DataToDownloadAsync();
        var paths = DataEndpoints.Select(template => ids.Aggregate(template, (p, id) => p.Replace("{" + id.Key + "}", id.Value))).ToList();
        var failures = new List<string>();

        var passwordOnly = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Admin));
        foreach (var path in paths)
        {
            var response = await passwordOnly.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith(TwoFactorRequirement.SetUpPath) != true)
                failures.Add($"password only, {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        var personalData = await PostPersonalDataRequestAsync(passwordOnly, TwoFactorRequirement.SetUpPath);
        if (personalData.Headers.Location?.OriginalString.StartsWith(TwoFactorRequirement.SetUpPath) != true)
            failures.Add($"password only, personal data: {(int)personalData.StatusCode}");
        var circuit = await passwordOnly.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        if (circuit.Headers.Location?.OriginalString.StartsWith(TwoFactorRequirement.SetUpPath) != true)
            failures.Add($"password only, /_blazor/negotiate: {(int)circuit.StatusCode}");

        // The same requests with a second factor: each really is an endpoint that answers with its data.
        var withCode = await SignInWithCodeAsync();
        foreach (var path in paths)
        {
            var response = await withCode.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"with a code, {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        var withCodeData = await PostPersonalDataRequestAsync(withCode, "/Account/Manage/PersonalData");
        if (withCodeData.StatusCode != HttpStatusCode.OK || withCodeData.Content.Headers.ContentType?.MediaType != "application/json")
            failures.Add($"with a code, personal data: {(int)withCodeData.StatusCode}");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData(TwoFactorRequirement.SetUpPath)]
    [InlineData("/Account/Manage/EnableAuthenticator")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/health")]
    public async Task Without_the_second_factor_the_sign_in_and_set_up_pages_and_static_files_answer(string path)
    {
        var passwordOnly = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Admin));
        var response = await passwordOnly.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The language switch only sets a cookie and goes back.
        var language = await passwordOnly.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(path)}");
        Assert.Equal(path, language.Headers.Location!.OriginalString);
    }

    /// <summary>Asks for the account's personal data as the personal-data page's form does (its token from <paramref name="formPage"/>).</summary>
    private static async Task<HttpResponseMessage> PostPersonalDataRequestAsync(HttpClient client, string formPage) =>
        await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(await client.GetStringAsync(formPage)),
        }));

    /// <summary>The workshop, and a file attached to it and to a progress update of one of its action items, by placeholder name.</summary>
    private async Task<Dictionary<string, string>> DataToDownloadAsync()
    {
        var files = await server.AttachWorkshopFilesAsync();
        return new()
        {
            ["workshop"] = files.Meeting.ToString(), ["meetingFile"] = files.Attachment.ToString(), ["item"] = files.ActionItem.ToString(), ["update"] = files.Update.ToString(),
        };
    }

    /// <summary>Turns on an authenticator app for the demo administrator and signs in with password and code.</summary>
    private async Task<HttpClient> SignInWithCodeAsync()
    {
        string key;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(PortalHost.DemoAccount(Roles.Admin)))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var client = server.NewClient();
        var password = await PortalServer.SubmitLoginAsync(client, PortalHost.DemoAccount(Roles.Admin), Portal.DemoData.DemoDataSeeder.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString);
        var form = await client.GetStringAsync(password.Headers.Location!.OriginalString);
        var code = await client.PostAsync(password.Headers.Location!.OriginalString, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(form),
            ["_handler"] = "login-with-2fa",
            ["Input.TwoFactorCode"] = Totp(key),
        }));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return client;
    }

    /// <summary>The current six-digit code of an authenticator app for this base32 key (RFC 6238, SHA-1, 30 s).</summary>
    internal static string Totp(string base32Key)
    {
        var bits = string.Concat(base32Key.ToUpperInvariant().Where(char.IsLetterOrDigit)
            .Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

}
