using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;

namespace Portal.Tests.Integration;

[Collection(nameof(ServerCollection))]
public class AccessTests(PortalServer server)
{
    [Fact]
    public async Task Health_answers_once_the_database_is_reachable()
    {
        await server.Services.GetRequiredService<Portal.Printing.ChromiumPdf>().WarmUpAsync();
        var response = await server.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Healthy\ndatabase: Healthy\nprinter: Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/organizations")]
    [InlineData("/organizations/1")]
    [InlineData("/organizations/new")]
    [InlineData("/people")]
    [InlineData("/people/1")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/Account/Manage")]
    [InlineData("/meetings")]
    [InlineData("/meetings/new")]
    [InlineData("/meetings/1")]
    [InlineData("/meetings/1/minutes/versions/1")]
    [InlineData("/meetings/calendar.ics")]
    [InlineData("/meetings/1/calendar.ics")]
    [InlineData("/meetings/1/attachments/1")]
    public async Task Every_page_but_sign_in_sends_strangers_to_sign_in(string path)
    {
        var response = await server.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_page_is_Thai_by_default_and_offers_no_self_registration()
    {
        var client = server.NewClient();
        var html = await client.GetStringAsync("/Account/Login");
        Assert.Contains("เข้าสู่ระบบ", html);
        Assert.Contains("lang=\"th\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/Register")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var response = await PortalServer.SubmitLoginAsync(server.NewClient(), "staff@kktt.demo", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        const string email = "lockout.target@kktt.demo";
        using (var scope = server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(Portal.Features.Users.UserService.NewUser(email, "Lockout target", null), Portal.DemoData.DemoDataSeeder.Password);
            Assert.True(created.Succeeded);
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Staff);
        }
        var client = server.NewClient();
        for (var i = 0; i < 5; i++)
            await PortalServer.SubmitLoginAsync(client, email, "wrong-password");
        var response = await PortalServer.SubmitLoginAsync(client, email, Portal.DemoData.DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Lockout", response.Headers.Location!.OriginalString);
    }

    public static TheoryData<string, string, HttpStatusCode, string?> Matrix => new()
    {
        // role, path, expected status, where a redirect leads (AccessDenied for signed-in users lacking the role)
        { Roles.Staff, "/organizations", HttpStatusCode.OK, null },
        { Roles.Staff, "/organizations/new", HttpStatusCode.OK, null },
        { Roles.Staff, "/people/1", HttpStatusCode.OK, null },
        { Roles.Staff, "/admin/users", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Staff, "/admin/audit", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Coordinator, "/organizations", HttpStatusCode.OK, null },
        { Roles.Coordinator, "/organizations/new", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Coordinator, "/people/1/edit", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Partner, "/", HttpStatusCode.OK, null },
        { Roles.Partner, "/organizations", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Partner, "/organizations/1", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Partner, "/people", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Partner, "/admin/audit", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Admin, "/admin/users", HttpStatusCode.OK, null },
        { Roles.Admin, "/admin/audit", HttpStatusCode.OK, null },
        { Roles.Admin, "/organizations/new", HttpStatusCode.OK, null },
        { Roles.Staff, "/meetings", HttpStatusCode.OK, null },
        { Roles.Staff, "/meetings/new", HttpStatusCode.OK, null },
        { Roles.Staff, "/meetings/1", HttpStatusCode.OK, null },
        { Roles.Coordinator, "/meetings", HttpStatusCode.OK, null },
        { Roles.Coordinator, "/meetings/1/minutes/versions/1", HttpStatusCode.OK, null },
        { Roles.Coordinator, "/meetings/new", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Partner, "/meetings/new", HttpStatusCode.Redirect, "/Account/AccessDenied" },
        { Roles.Admin, "/meetings/new", HttpStatusCode.OK, null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_exactly_its_pages(string role, string path, HttpStatusCode expected, string? redirect)
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(role));
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (redirect is not null)
            Assert.StartsWith(redirect, response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_register_page_renders_the_workshop_data_on_the_server()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var html = await client.GetStringAsync("/organizations/2");
        Assert.Contains("ธนาคารโลกประจำประเทศไทย", html);
        Assert.Contains("World Bank Thailand", html);
        Assert.Contains("เมลินดา", html);
    }

    [Fact]
    public async Task The_language_cookie_switches_to_English_and_refuses_foreign_redirects()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var response = await client.GetAsync("/culture/set?culture=en-US&redirectUri=%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/organizations/2");
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Organizations", html);
    }
}
