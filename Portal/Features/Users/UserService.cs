using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Validation;

namespace Portal.Features.Users;

public sealed record UserForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Staff;
    public int? OrganizationId { get; set; }
    public string Password { get; set; } = "";
}

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? OrganizationAcronym, bool LockedOut,
    int? PersonId = null, Localization.BilingualName? PersonName = null);

/// <summary>Administrators create accounts; there is no self-registration.</summary>
public class UserService(
    IDbContextFactory<PortalDbContext> dbFactory, UserManager<ApplicationUser> userManager, CurrentUser currentUser, AuditService audit,
    SessionRevocation revocation)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, Acronym = u.Organization != null ? u.Organization.Acronym ?? u.Organization.NameEn : null, u.LockoutEnd, u.PersonId })
            .ToListAsync(cancellationToken);
        var people = await AccountPeople.ByIdAsync(db, users.Where(u => u.PersonId != null).Select(u => u.Id), cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName,
            roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.Acronym, u.LockoutEnd > now,
            u.PersonId, people.GetValueOrDefault(u.Id)?.Name)).ToList();
    }

    public async Task<(string? Id, FieldErrors Errors)> CreateAsync(UserForm form)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        var errors = new FieldErrors();
        errors.Required(nameof(form.Email), form.Email);
        errors.Email(nameof(form.Email), form.Email);
        errors.Required(nameof(form.DisplayName), form.DisplayName);
        errors.MaxLength(nameof(form.DisplayName), form.DisplayName, 200);
        errors.Required(nameof(form.Password), form.Password);
        if (!Roles.All.Contains(form.Role))
            errors.Add(nameof(form.Role), "Validation.Required");
        if (form.Role == Roles.Partner && form.OrganizationId is null)
            errors.Add(nameof(form.OrganizationId), "User.PartnerNeedsOrganization");
        if (errors.IsValid && await userManager.FindByEmailAsync(form.Email.Trim()) is not null)
            errors.Add(nameof(form.Email), "User.DuplicateEmail");
        if (!errors.IsValid)
            return (null, errors);

        var user = NewUser(form.Email, form.DisplayName, form.Role == Roles.Partner ? form.OrganizationId : null);
        var result = await userManager.CreateAsync(user, form.Password);
        if (!result.Succeeded)
        {
            // Identity's password rules explain themselves; show the first next to the password field.
            errors.Add(nameof(form.Password), "User.PasswordRejected", string.Join(" ", result.Errors.Select(e => e.Description)));
            return (null, errors);
        }
        await userManager.AddToRoleAsync(user, form.Role);
        await audit.RecordAsync(nameof(ApplicationUser), user.Id, AuditAction.Created,
            new { Email = user.Email, form.Role, user.OrganizationId });
        return (user.Id, errors);
    }

    /// <summary>
    /// The account's display name and the person in the register it belongs to, whose name and position the portal shows
    /// for the account (timelines, "approved by", the minutes' signature lines).
    /// </summary>
    public async Task<FieldErrors> SetPersonAsync(string userId, string displayName, int? personId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        var errors = new FieldErrors();
        errors.Required(nameof(UserForm.DisplayName), displayName);
        errors.MaxLength(nameof(UserForm.DisplayName), displayName, 200);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (personId is { } id && !await db.People.AnyAsync(p => p.Id == id, cancellationToken))
            errors.Add("PersonId", "Validation.NotFound");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) errors.Add("", "Validation.NotFound");
        if (!errors.IsValid) return errors;
        var old = new { user!.DisplayName, user.PersonId };
        user.DisplayName = displayName.Trim();
        user.PersonId = personId;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(nameof(ApplicationUser), user.Id, AuditAction.Updated, new
        {
            DisplayName = new { old = old.DisplayName, @new = user.DisplayName },
            PersonId = new { old = old.PersonId, @new = user.PersonId },
        }, CancellationToken.None); // saved already: the record of it must not be lost to a closed tab
        return errors;
    }

    public async Task SetRoleAsync(string userId, string role)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        if (!Roles.All.Contains(role)) throw new ArgumentException("Unknown role.", nameof(role));
        var user = await userManager.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found.");
        var old = await userManager.GetRolesAsync(user);
        await userManager.RemoveFromRolesAsync(user, old);
        await userManager.AddToRoleAsync(user, role);
        // Signed out, so the old roles stop working.
        await RenewSecurityStampAsync(user);
        await audit.RecordAsync(nameof(ApplicationUser), user.Id, AuditAction.RolesChanged, new { old, @new = new[] { role } });
    }

    /// <summary>
    /// Closes an account without deleting it (its name stays on what it wrote): it cannot sign in and its open sessions
    /// end at once. "Unlock" opens it again.
    /// </summary>
    public async Task<bool> DisableAsync(string userId)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        if ((await currentUser.GetActorAsync()).UserId == userId) return false; // an administrator cannot lock themselves out
        var user = await userManager.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found.");
        await userManager.SetLockoutEnabledAsync(user, true);
        await userManager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await RenewSecurityStampAsync(user);
        await audit.RecordAsync(nameof(ApplicationUser), user.Id, AuditAction.Updated, new { Disabled = new { @new = true } });
        return true;
    }

    /// <summary>
    /// Signs the user out everywhere at once (their sessions end in the database), and renews their security stamp so that
    /// what else was issued to them before (a remembered second factor) is refused as well.
    /// </summary>
    private async Task RenewSecurityStampAsync(ApplicationUser user)
    {
        await userManager.UpdateSecurityStampAsync(user);
        await revocation.EndAllSessionsAsync(user.Id);
    }

    public async Task UnlockAsync(string userId)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        var user = await userManager.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found.");
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(nameof(ApplicationUser), user.Id, AuditAction.Updated, new { LockoutEnd = new { @new = (object?)null } });
    }

    public static ApplicationUser NewUser(string email, string displayName, int? organizationId) => new()
    {
        UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName.Trim(),
        OrganizationId = organizationId, LockoutEnabled = true,
    };
}
