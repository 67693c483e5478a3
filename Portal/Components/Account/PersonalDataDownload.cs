using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;

namespace Portal.Components.Account;

/// <summary>
/// What "Download your data" hands a user: what the account says about them (Identity's <see cref="PersonalDataAttribute"/>
/// properties, roles, organization, the names of their passkeys and external logins). Never what proves they are them:
/// no authenticator key, recovery codes, password hash, security stamp or passkey credential. A file saved in a
/// Downloads folder or mailed on must not let its reader sign in as its owner.
/// </summary>
public static class PersonalDataDownload
{
    public const string FileName = "PersonalData.json";

    public static async Task<byte[]> CollectAsync(UserManager<ApplicationUser> users, PortalDbContext db, ApplicationUser user)
    {
        var data = new Dictionary<string, object?>();
        foreach (var property in typeof(ApplicationUser).GetProperties().Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute))))
            data[property.Name] = property.GetValue(user);
        data["Roles"] = await users.GetRolesAsync(user);
        data["Organization"] = user.OrganizationId is { } organizationId
            ? await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == organizationId).Select(o => new { o.NameTh, o.NameEn, o.Acronym }).SingleOrDefaultAsync()
            : null;
        data["Passkeys"] = (await users.GetPasskeysAsync(user)).Select(p => new { p.Name, p.CreatedAt }).ToList();
        data["ExternalLogins"] = (await users.GetLoginsAsync(user)).Select(l => new { l.LoginProvider, l.ProviderDisplayName, l.ProviderKey }).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(data, Options);
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Thai names stay readable in the file instead of \u0E01 escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
