using Microsoft.AspNetCore.Identity;

namespace Portal.Auth;

/// <summary>
/// Signs in with an email address and a password without telling whether an account exists: an unknown address, a
/// wrong password and a locked or disabled account with a wrong password all answer "failed", after the same work of
/// checking a password. That an account is locked is told only to someone who knows its password.
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signInManager, IPasswordHasher<ApplicationUser> passwordHasher)
{
    /// <summary>A hash to check passwords against for addresses that have no account; made once, by the portal's own hasher.</summary>
    private static string? nobodysHash;

    public async Task<SignInResult> SignInAsync(string email, string password, bool rememberMe)
    {
        var users = signInManager.UserManager;
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            // The time a password check takes, spent for nothing: an unknown address answers no sooner than a known one.
            nobodysHash ??= passwordHasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString());
            passwordHasher.VerifyHashedPassword(new ApplicationUser(), nobodysHash, password);
            return SignInResult.Failed;
        }
        var lockedOut = await users.IsLockedOutAsync(user);
        if (lockedOut || !await signInManager.CanSignInAsync(user))
        {
            // Identity would answer "locked out" without looking at the password, which tells anyone that the account
            // exists. Checked here without counting as a failed attempt: the account is closed either way.
            if (!await users.CheckPasswordAsync(user, password)) return SignInResult.Failed;
            return lockedOut ? SignInResult.LockedOut : SignInResult.NotAllowed;
        }
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        // Locked by this very attempt, whose password was wrong: it answers like every other wrong password.
        return result.IsLockedOut ? SignInResult.Failed : result;
    }
}
