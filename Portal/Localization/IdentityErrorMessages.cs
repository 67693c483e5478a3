using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Portal.Localization;

/// <summary>
/// What ASP.NET Identity says about a password or an account, in the reader's language (its own describer is English
/// only): shown on the change-password page and to administrators creating accounts.
/// </summary>
public sealed class IdentityErrorMessages(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string key, params object[] args) => new() { Code = code, Description = localizer[key, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "IdentityError.Default");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "IdentityError.PasswordMismatch");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "IdentityError.PasswordTooShort", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "IdentityError.PasswordRequiresUniqueChars", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "IdentityError.PasswordRequiresNonAlphanumeric");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "IdentityError.PasswordRequiresDigit");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "IdentityError.PasswordRequiresLower");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "IdentityError.PasswordRequiresUpper");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "IdentityError.DuplicateEmail", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "IdentityError.DuplicateEmail", userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Validation.Email");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Validation.Email");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "IdentityError.Default");
}
