using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;

namespace Portal.Tests.Integration;

/// <summary>With two factors required for administrators, a password alone opens nothing but the set-up page.</summary>
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
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
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
