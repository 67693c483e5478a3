using System.Net;
using Portal.Auth;
using Portal.DemoData;

namespace Portal.Tests.Integration;

/// <summary>
/// Values nobody's browser would send, in the query, in form fields and in headers: redirect targets that are not
/// the portal's lead home, a missing or forged antiforgery token answers 400, and nothing at all answers 5xx.
/// </summary>
[Collection(nameof(ServerCollection))]
public class CraftedRequestTests(PortalServer server)
{
    /// <summary>Return addresses as they appear in a query string (already URL-encoded), each leading off the portal or nowhere sane.</summary>
    public static TheoryData<string> ForeignTargets => new()
    {
        "%2F%2Fevil.example",                       // //evil.example
        "%2F%5Cevil.example",                       // /\evil.example
        "https%3A%2F%2Fevil.example",               // https://evil.example
        "https:evil.example",
        "%252F%252Fevil.example",                   // %2F%2Fevil.example, decoded once by the portal
        "%5C%5Cevil.example",                       // \\evil.example
        "%2F%09%2Fevil.example",                    // a tab, which browsers drop: //evil.example
        "%2F%0D%0ASet-Cookie%3A%20evil%3D1",        // header splitting
        "%2F%00evil",
        "javascript%3Aalert(1)",
        "http%3A%2F%2Flocalhost%40evil.example%2F",
        "%2F" + new string('a', 3000),              // longer than any address of the portal
    };

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task Signing_in_with_a_foreign_return_address_leads_home(string encodedTarget)
    {
        var client = server.NewClient();
        var page = await client.GetAsync($"/Account/Login?ReturnUrl={encodedTarget}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var response = await client.PostAsync($"/Account/Login?ReturnUrl={encodedTarget}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(await page.Content.ReadAsStringAsync()),
            ["_handler"] = "login",
            ["Input.Email"] = PortalHost.DemoAccount(Roles.Staff),
            ["Input.Password"] = DemoDataSeeder.Password,
        }));
        AssertLeadsTo("/", response);
    }

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task The_language_switch_with_a_foreign_return_address_leads_home(string encodedTarget)
    {
        var response = await server.NewClient().GetAsync($"/culture/set?culture=en&redirectUri={encodedTarget}");
        AssertLeadsTo("/", response);
    }

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task Signing_out_with_a_foreign_return_address_leads_home(string encodedTarget)
    {
        var client = await server.SignedInClientAsync(await server.NewAccountAsync(Roles.Staff));
        var token = PortalServer.AntiforgeryTokenIn(await client.GetStringAsync("/Account/Manage/ChangePassword"));
        // The user menu's form sends the page's address relative to the portal ("meetings/3"); a crafted one sends anything.
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ReturnUrl"] = Uri.UnescapeDataString(encodedTarget),
        }));
        // A NUL character in a form body makes the form unreadable, the antiforgery token with it: refused as such.
        if (Uri.UnescapeDataString(encodedTarget).Contains('\0'))
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        else
            AssertLeadsTo("/", response);
    }

    [Theory]
    [InlineData("%2Fmeetings%3Fkind%3DWorkshop", "/meetings?kind=Workshop")]
    [InlineData("%2Fmeetings%3Fq%3D%E0%B8%82%E0%B8%AD%E0%B8%99%E0%B9%81%E0%B8%81%E0%B9%88%E0%B8%99", "/meetings?q=%E0%B8%82%E0%B8%AD%E0%B8%99%E0%B9%81%E0%B8%81%E0%B9%88%E0%B8%99")]
    [InlineData("{base}%2Faction-items", "/action-items")]
    public async Task A_return_address_on_the_portal_is_followed(string encodedTarget, string expected)
    {
        encodedTarget = encodedTarget.Replace("{base}", Uri.EscapeDataString(server.BaseAddress));
        var client = server.NewClient();
        var form = await client.GetStringAsync($"/Account/Login?ReturnUrl={encodedTarget}");
        var response = await client.PostAsync($"/Account/Login?ReturnUrl={encodedTarget}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(form), ["_handler"] = "login",
            ["Input.Email"] = PortalHost.DemoAccount(Roles.Staff), ["Input.Password"] = DemoDataSeeder.Password,
        }));
        AssertLeadsTo(expected, response);
        if (!encodedTarget.StartsWith("http"))
            AssertLeadsTo(expected, await server.NewClient().GetAsync($"/culture/set?culture=th&redirectUri={encodedTarget}"));
    }

    [Fact]
    public async Task A_missing_or_forged_antiforgery_token_answers_400()
    {
        var anonymous = server.NewClient();
        var signedIn = await server.SignedInClientAsync(await server.NewAccountAsync(Roles.Staff));
        var otherUsersToken = PortalServer.AntiforgeryTokenIn(await (await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff)))
            .GetStringAsync("/Account/Manage/ChangePassword"));
        var requests = new (HttpClient Client, string Path, Dictionary<string, string> Form)[]
        {
            (anonymous, "/Account/Login", new() { ["_handler"] = "login", ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" }),
            (anonymous, "/Account/Login", new() { ["__RequestVerificationToken"] = "forged", ["_handler"] = "login", ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" }),
            (anonymous, "/Account/PasskeyRequestOptions", new()),
            (signedIn, "/Account/PasskeyCreationOptions", new()),
            (signedIn, "/Account/Logout", new() { ["ReturnUrl"] = "" }),
            (signedIn, "/Account/Manage/ChangePassword", new()
            {
                ["__RequestVerificationToken"] = otherUsersToken, ["_handler"] = "change-password",
                ["Input.OldPassword"] = DemoDataSeeder.Password, ["Input.NewPassword"] = "Another-password-1", ["Input.ConfirmPassword"] = "Another-password-1",
            }),
        };
        var failures = new List<string>();
        foreach (var (client, path, form) in requests)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(form));
            if (response.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"{path} ({string.Join(", ", form.Keys)}): {(int)response.StatusCode}");
        }
        Assert.Empty(failures);
        // The forged attempts changed nothing: the user is still signed in with the old password.
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/meetings")).StatusCode);
    }

    /// <summary>What a fuzzer would try first: markup, SQL, path tricks, odd numbers and booleans, encodings, control characters, length.</summary>
    private static readonly string[] Crafted =
    [
        "", " ", "%", "%%41", "%u0041", "\0", "\r\nX-Injected: 1", "'\"<>&", "<script>alert(1)</script>", "' OR '1'='1", "../../../../etc/passwd",
        "//evil.example", "/\\evil.example", "javascript:alert(1)", "-1", "99999999999999999999999", "1e309", "NaN", "true'", "[]", "{}",
        "\u202Eevil", "\uD800", "ก\u0E31\u0E31\u0E31", new string('ก', 3000), "th-TH-x-garbage", "c=xx|uic=yy", "c=th-TH|uic=", "|||",
    ];

    private static readonly string[] QueryNames =
        ["ReturnUrl", "returnUrl", "redirectUri", "culture", "RememberMe", "lang", "version", "id", "message", "handler", "required", "meeting", "agendaItem"];

    private static readonly string[] PublicPages =
    [
        "/", "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Lockout", "/Account/AccessDenied",
        "/Account/InvalidUser", "/culture/set", "/health", "/not-found", "/no-such-page",
    ];

    private static readonly string[] AccountPages =
    [
        "/Account/Manage", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator",
        "/Account/Manage/Disable2fa", "/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/ResetAuthenticator", "/Account/Manage/PersonalData",
        "/Account/Manage/Passkeys", "/Account/Manage/RenamePasskey/AAAA", "/action-items/new",
    ];

    /// <summary>Every form of the account pages by its name, with all the fields any of them reads.</summary>
    private static readonly (string Path, string Form)[] Forms =
    [
        ("/Account/Login", "login"), ("/Account/LoginWith2fa", "login-with-2fa"), ("/Account/LoginWithRecoveryCode", "login-with-recovery-code"),
        ("/Account/Manage", "profile"), ("/Account/Manage/ChangePassword", "change-password"), ("/Account/Manage/EnableAuthenticator", "send-code"),
        ("/Account/Manage/Disable2fa", "disable-2fa"), ("/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes"),
        ("/Account/Manage/ResetAuthenticator", "reset-authenticator"), ("/Account/Manage/Passkeys", "add-passkey"),
        ("/Account/Manage/Passkeys", "update-passkey-AAAA"), ("/Account/Manage/RenamePasskey/AAAA", "rename-passkey"), ("/Account/Login", "no-such-form"),
    ];

    private static readonly string[] FieldNames =
    [
        "Input.Email", "Input.Password", "Input.RememberMe", "Input.TwoFactorCode", "Input.RememberMachine", "Input.RecoveryCode", "Input.PhoneNumber",
        "Input.OldPassword", "Input.NewPassword", "Input.ConfirmPassword", "Input.Code", "Input.Name", "Input.Passkey.CredentialJson",
        "Input.Passkey.Error", "Input.CredentialJson", "Input.Error", "Action", "CredentialId", "ReturnUrl", "RememberMe",
    ];

    [Fact]
    public async Task No_crafted_query_form_field_or_header_makes_a_public_or_account_endpoint_fail()
    {
        // A fresh account of its own: the forms below really submit (a new authenticator key, a profile change).
        var email = await server.NewAccountAsync(Roles.Staff);
        var anonymous = server.NewClient();
        var cookies = new CookieContainer();
        var signedIn = server.NewClient(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalServer.SubmitLoginAsync(signedIn, email, DemoDataSeeder.Password)).StatusCode);
        var failures = new List<string>();
        var answers = new Dictionary<HttpStatusCode, int>();
        async Task CheckAsync(string what, Func<Task<HttpResponseMessage>> send)
        {
            var response = await send();
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
                failures.Add($"{what}: {(int)response.StatusCode}");
        }

        foreach (var value in Crafted)
        {
            var query = string.Join("&", QueryNames.Select(n => $"{n}={Uri.EscapeDataString(value)}"));
            foreach (var path in PublicPages)
                await CheckAsync($"GET {path}?…={Show(value)}", () => anonymous.GetAsync($"{path}?{query}"));
            foreach (var path in PublicPages.Concat(AccountPages))
                await CheckAsync($"GET {path}?…={Show(value)} signed in", () => signedIn.GetAsync($"{path}?{query}"));
            // The raw value, not encoded, where the HTTP client lets it through.
            if (Uri.TryCreate($"{server.BaseAddress}/Account/Login?ReturnUrl={value}", UriKind.Absolute, out var raw))
                await CheckAsync($"GET raw {Show(value)}", () => anonymous.GetAsync(raw));
        }

        foreach (var (path, form) in Forms)
        {
            var client = path.StartsWith("/Account/Manage") ? signedIn : anonymous;
            var page = await client.GetAsync(path);
            var token = PortalServer.AntiforgeryTokenIn(await page.Content.ReadAsStringAsync());
            foreach (var value in Crafted)
            {
                var fields = FieldNames.ToDictionary(n => n, _ => value);
                fields["__RequestVerificationToken"] = token;
                fields["_handler"] = form;
                await CheckAsync($"POST {path} {form} fields={Show(value)}", () => client.PostAsync(path, new FormUrlEncodedContent(fields)));
            }
        }

        var signInCookie = string.Join("; ", cookies.GetCookies(new Uri(server.BaseAddress)).Select(c => $"{c.Name}={c.Value}"));
        foreach (var value in Crafted.Where(v => v.All(c => c is >= ' ' and < '\x7f')))
        {
            var headers = new Dictionary<string, string>
            {
                ["Cookie"] = $".AspNetCore.Culture={value}; .AspNetCore.Identity.Application={value}; .AspNetCore.Antiforgery.x={value}",
                ["Accept-Language"] = value, ["Referer"] = value, ["User-Agent"] = value, ["X-Forwarded-For"] = value,
                ["X-Forwarded-Proto"] = value, ["X-Requested-With"] = value, ["Blazor-Enhanced-Nav"] = value,
            };
            foreach (var (path, cookie) in new[] { ("/Account/Login", ""), ("/meetings", signInCookie), ("/Account/Manage", signInCookie) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                foreach (var (name, header) in headers)
                    request.Headers.TryAddWithoutValidation(name, name == "Cookie" ? $"{header}; {cookie}".TrimEnd(' ', ';') : header);
                await CheckAsync($"GET {path} headers={Show(value)}", () => NewClientWithoutCookies().SendAsync(request));
            }
        }

        Assert.Empty(failures);
        // The requests really reached pages, forms and redirects, not only the antiforgery check.
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.OK) > 100, string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}")));
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.Redirect) > 10, string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}")));
    }

    private HttpClient NewClientWithoutCookies() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(server.BaseAddress) };

    private static string Show(string value) => value.Length > 40 ? $"{value[..20]}…({value.Length} chars)" : value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");

    /// <summary>The response redirects to this path on the portal (its Location resolved against the portal's address).</summary>
    private void AssertLeadsTo(string expectedPathAndQuery, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var portal = new Uri(server.BaseAddress + "/");
        var target = new Uri(portal, response.Headers.Location!.OriginalString);
        Assert.Equal(portal.Authority, target.Authority);
        Assert.Equal(expectedPathAndQuery, target.PathAndQuery);
    }
}
