using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Auth;
using Portal.DemoData;

namespace Portal.Tests.Integration;

/// <summary>
/// The sign-in page does not tell whether an account exists: an unknown address gets the same answer as a wrong
/// password, in about the same time, and a locked account says so only to someone who gives its password.
/// </summary>
[Collection(nameof(ServerCollection))]
public partial class SignInPrivacyTests(PortalServer server)
{
    [Fact]
    public async Task An_unknown_address_gets_the_very_answer_a_wrong_password_gets()
    {
        var known = await server.NewAccountAsync(Roles.Staff);
        var unknown = $"nobody-{Guid.NewGuid():N}@kktt.demo";
        var wrongPassword = await PortalServer.SubmitLoginAsync(server.NewClient(), known, "not-the-password-1");
        var noAccount = await PortalServer.SubmitLoginAsync(server.NewClient(), unknown, "not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.StatusCode, noAccount.StatusCode);
        Assert.Equal(HeaderNames(wrongPassword), HeaderNames(noAccount));
        Assert.Equal(await ComparableAsync(wrongPassword, known), await ComparableAsync(noAccount, unknown));
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", await noAccount.Content.ReadAsStringAsync()); // Login.Failed, in the default language
    }

    [Fact]
    public async Task A_locked_account_answers_like_a_wrong_password_unless_the_password_is_right()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        var unknown = $"nobody-{Guid.NewGuid():N}@kktt.demo";
        // Five wrong passwords lock the account; the fifth and those after answer as any wrong password does.
        for (var i = 0; i < 6; i++)
        {
            var attempt = await PortalServer.SubmitLoginAsync(server.NewClient(), email, $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        var locked = await PortalServer.SubmitLoginAsync(server.NewClient(), email, "wrong-password-6");
        var noAccount = await PortalServer.SubmitLoginAsync(server.NewClient(), unknown, "wrong-password-6");
        Assert.Equal(await ComparableAsync(noAccount, unknown), await ComparableAsync(locked, email));

        var rightPassword = await PortalServer.SubmitLoginAsync(server.NewClient(), email, DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, rightPassword.StatusCode);
        Assert.Contains("Account/Lockout", rightPassword.Headers.Location!.OriginalString);
        Assert.DoesNotContain(".AspNetCore.Identity.Application=", string.Join(";", rightPassword.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));
    }

    [Fact]
    public async Task An_unknown_address_takes_about_as_long_as_a_wrong_password()
    {
        // Several accounts, so that the timing covers accounts before and after they lock.
        var accounts = new[] { await server.NewAccountAsync(Roles.Staff), await server.NewAccountAsync(Roles.Staff), await server.NewAccountAsync(Roles.Staff) };
        var client = server.NewClient();
        async Task<double> TimeAsync(string email)
        {
            var form = PortalServer.AntiforgeryTokenIn(await client.GetStringAsync("/Account/Login"));
            var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form, ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = "not-the-password-1",
            });
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsync("/Account/Login", content);
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }
        await TimeAsync($"warm-up-{Guid.NewGuid():N}@kktt.demo");
        await TimeAsync(accounts[0]);

        // Interleaved, so that whatever else the machine is doing weighs on both alike.
        var wrongPassword = new List<double>();
        var noAccount = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            wrongPassword.Add(await TimeAsync(accounts[i % accounts.Length]));
            noAccount.Add(await TimeAsync($"nobody-{i}-{Guid.NewGuid():N}@kktt.demo"));
        }
        var ratio = Median(noAccount) / Median(wrongPassword);
        // Checking a password is tens of milliseconds of hashing; skipping it made an unknown address answer in a
        // fraction of the time. A factor of 2.5 either way leaves room for a busy machine and none for that.
        Assert.True(ratio is > 0.4 and < 2.5,
            $"unknown address median {Median(noAccount):F1} ms, wrong password median {Median(wrongPassword):F1} ms (ratio {ratio:F2})");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string[] HeaderNames(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(k => k != "Date").Order().ToArray();

    /// <summary>The page with what differs from one response to the next by design taken out: tokens, nonces and the typed address.</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response, string typedEmail)
    {
        var html = (await response.Content.ReadAsStringAsync()).Replace(typedEmail, "{email}");
        html = ComponentState().Replace(html, "Component-State:{state}");
        html = Token().Replace(html, "{token}");
        return Nonce().Replace(html, "nonce=\"{nonce}\"");
    }

    /// <summary>Antiforgery tokens, wherever the page carries one (the form's field, the passkey button's attribute).</summary>
    [GeneratedRegex("[A-Za-z0-9_-]{40,}")]
    private static partial Regex Token();

    /// <summary>The components' state that the page carries for later, protected anew for every response.</summary>
    [GeneratedRegex("Component-State:[A-Za-z0-9+/=_-]+")]
    private static partial Regex ComponentState();

    [GeneratedRegex("nonce=\"[^\"]+\"")]
    private static partial Regex Nonce();
}
