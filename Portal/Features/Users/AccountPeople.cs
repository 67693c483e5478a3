using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.People;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Features.Users;

/// <summary>
/// Who an account is, as people read it: the name and position of the person in the register the account is linked to,
/// else the account's display name, and only when it has neither its sign-in e-mail.
/// </summary>
public static class AccountPeople
{
    public static async Task<Dictionary<string, Signatory>> ByIdAsync(PortalDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return [];
        var accounts = await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Person })
            .ToListAsync(cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => Of(a.Person, a.DisplayName, a.Email));
    }

    public static async Task<Signatory?> ByIdAsync(PortalDbContext db, string? userId, CancellationToken cancellationToken = default) =>
        userId is null ? null : (await ByIdAsync(db, [userId], cancellationToken)).GetValueOrDefault(userId);

    public static Signatory Of(Person? person, string? displayName, string? email)
    {
        if (person is { AnonymizedAt: null })
            return new Signatory(BilingualName.Of(person), person.PositionTh, person.PositionEn);
        var name = string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName.Trim();
        return new Signatory(new BilingualName(name, name), null, null);
    }
}
