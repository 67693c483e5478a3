using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Users;

namespace Portal.Tests.Services;

public class UserServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync() => host = await PortalHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_its_sessions_are_invalidated_and_unlocking_opens_it_again()
    {
        var users = host.Get<UserManager<ApplicationUser>>();
        var staff = (await users.FindByEmailAsync(PortalHost.DemoAccount(Roles.Staff)))!;
        var stampBefore = staff.SecurityStamp;
        await host.SignInAsRoleAsync(Roles.Admin);

        Assert.True(await host.Get<UserService>().DisableAsync(staff.Id));

        staff = (await users.FindByIdAsync(staff.Id))!;
        Assert.NotEqual(stampBefore, staff.SecurityStamp); // cookies carrying the old stamp stop being accepted
        var signIn = await host.Get<SignInManager<ApplicationUser>>().CheckPasswordSignInAsync(staff, Portal.DemoData.DemoDataSeeder.Password, lockoutOnFailure: false);
        Assert.True(signIn.IsLockedOut);
        await using (var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == staff.Id && a.Action == AuditAction.Updated && a.Changes.Contains("Disabled")));

        await host.Get<UserService>().UnlockAsync(staff.Id);
        signIn = await host.Get<SignInManager<ApplicationUser>>().CheckPasswordSignInAsync((await users.FindByIdAsync(staff.Id))!, Portal.DemoData.DemoDataSeeder.Password, false);
        Assert.True(signIn.Succeeded);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account_and_others_may_not_disable_anyone()
    {
        var users = host.Get<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(PortalHost.DemoAccount(Roles.Admin)))!;
        await host.SignInAsRoleAsync(Roles.Admin);
        Assert.False(await host.Get<UserService>().DisableAsync(admin.Id));
        Assert.Null((await users.FindByIdAsync(admin.Id))!.LockoutEnd);

        await host.SignInAsRoleAsync(Roles.Coordinator);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Get<UserService>().DisableAsync(admin.Id));
    }
}
