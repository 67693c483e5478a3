using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Auth;

namespace Portal.Tests.Unit;

/// <summary>The minutely security-stamp check rebuilds a user's claims; what belongs to the sign-in itself must survive it.</summary>
public class SignInClaimsTests
{
    [Fact]
    public async Task The_session_id_and_the_second_factor_survive_the_security_stamp_refresh()
    {
        var current = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(ClaimTypes.Role, Roles.Staff),
            new Claim(SignInSessionStore.SessionIdClaimType, "session-1"), new Claim("amr", "mfa"),
        ], "Identity.Application"));
        // What the claims factory gives: the user's claims as they are now (a new role), nothing of the sign-in.
        var rebuilt = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(ClaimTypes.Role, Roles.Admin)], "Identity.Application"));
        var context = new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = rebuilt };

        await SignInSessionStore.KeepClaimsOfThisSignIn(context);

        Assert.Equal("session-1", SignInSessionStore.SessionIdOf(context.NewPrincipal));
        Assert.True(context.NewPrincipal!.HasClaim("amr", "mfa"));
        Assert.True(context.NewPrincipal.IsInRole(Roles.Admin));
        Assert.False(context.NewPrincipal.IsInRole(Roles.Staff));
    }
}
