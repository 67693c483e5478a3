using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.DemoData;

namespace Portal.Tests.Integration;

/// <summary>
/// Sign-in sessions live on the server: signing out ends one for good, whatever copies of its cookie exist, and a new
/// password ends every other session of the account at once while the one it was changed in stays.
/// </summary>
[Collection(nameof(ServerCollection))]
public class SessionTests(PortalServer server)
{
    [Fact]
    public async Task A_copy_of_the_cookie_kept_from_before_signing_out_is_refused_afterwards()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        var cookies = new CookieContainer();
        var client = server.NewClient(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalServer.SubmitLoginAsync(client, email, DemoDataSeeder.Password)).StatusCode);
        var copy = CopyOf(cookies);
        Assert.Equal(HttpStatusCode.OK, (await server.NewClient(copy).GetAsync("/meetings")).StatusCode);
        Assert.Equal(1, await SessionsOfAsync(email));

        var signedOut = await SignOutAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/meetings", signedOut.Headers.Location!.OriginalString);

        var replayed = await server.NewClient(copy).GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/Account/Login", replayed.Headers.Location!.OriginalString);
        Assert.Equal(0, await SessionsOfAsync(email));
    }

    [Fact]
    public async Task A_new_password_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        var here = await server.SignedInClientAsync(email);
        var elsewhere = await server.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/meetings")).StatusCode);
        Assert.Equal(2, await SessionsOfAsync(email));

        var form = await here.GetStringAsync("/Account/Manage/ChangePassword");
        var changed = await here.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(form),
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = DemoDataSeeder.Password,
            ["Input.NewPassword"] = "A-new-password-2568!",
            ["Input.ConfirmPassword"] = "A-new-password-2568!",
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Well inside the one-minute security-stamp interval: only the ended session can turn the other client away.
        var refused = await elsewhere.GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/meetings")).StatusCode);
        Assert.Equal(1, await SessionsOfAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalServer.SubmitLoginAsync(server.NewClient(), email, "A-new-password-2568!")).StatusCode);
    }

    /// <summary>
    /// The set-up page gives the account an authenticator key, which renews its security stamp; the minutely stamp check
    /// then signed the user out of every page a minute after merely looking at it. The session must carry the new stamp.
    /// </summary>
    [Fact]
    public async Task Opening_the_authenticator_set_up_keeps_the_session_valid_for_the_minutely_stamp_check()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        var client = await server.SignedInClientAsync(email);
        var userId = await server.UserIdAsync(email);
        var stampBefore = await server.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/EnableAuthenticator")).StatusCode);

        var stampNow = await server.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
        Assert.NotEqual(stampBefore, stampNow);
        var tickets = await server.QueryAsync(db => db.SignInSessions.Where(s => s.UserId == userId).Select(s => s.Ticket).ToListAsync());
        var ticket = Microsoft.AspNetCore.Authentication.TicketSerializer.Default.Deserialize(Assert.Single(tickets))!;
        Assert.Equal(stampNow, ticket.Principal.FindFirst("AspNet.Identity.SecurityStamp")?.Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/meetings")).StatusCode);
    }

    [Fact]
    public async Task The_cookie_carries_a_session_id_and_not_the_user_claims()
    {
        var email = await server.NewAccountAsync(Roles.Staff);
        var cookies = new CookieContainer();
        Assert.Equal(HttpStatusCode.Redirect,
            (await PortalServer.SubmitLoginAsync(server.NewClient(cookies), email, DemoDataSeeder.Password)).StatusCode);
        var signIn = cookies.GetAllCookies().Single(c => c.Name == ".AspNetCore.Identity.Application");
        // A whole ticket (id, name, roles, security stamp) protected by data protection is well over 500 characters.
        Assert.InRange(signIn.Value.Length, 1, 400);
    }

    /// <summary>Signs out as the user menu's form does (its antiforgery token from any form of the signed-in user's).</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/Account/Manage/ChangePassword");
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalServer.AntiforgeryTokenIn(form),
            ["ReturnUrl"] = "meetings",
        }));
    }

    private static CookieContainer CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return copy;
    }

    private async Task<int> SessionsOfAsync(string email)
    {
        var userId = await server.UserIdAsync(email);
        return await server.QueryAsync(db => db.SignInSessions.CountAsync(s => s.UserId == userId));
    }
}
