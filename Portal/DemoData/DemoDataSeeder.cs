using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Users;

namespace Portal.DemoData;

/// <summary>Loads the workshop's organizations, people and the demo accounts into an empty database. Never in Production.</summary>
public static class DemoDataSeeder
{
    public const string Password = "Kktt-Demo-2567!";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? OrganizationAcronym)> Accounts =
    [
        ("admin@kktt.demo", "Admin (demo)", Roles.Admin, DemoOrganizations.Kktt),
        ("staff@kktt.demo", "Staff (demo)", Roles.Staff, DemoOrganizations.Kktt),
        ("coordinator@kktt.demo", "Coordinator (demo)", Roles.Coordinator, DemoOrganizations.Kktt),
        ("partner.worldbank@kktt.demo", "World Bank partner (demo)", Roles.Partner, DemoOrganizations.WorldBank),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(cancellationToken))
            return;

        var organizations = DemoOrganizations.All.Select(o => new Features.Organizations.Organization
        {
            NameTh = o.NameTh, NameEn = o.NameEn, Acronym = o.Acronym, Kind = o.Kind, Website = o.Website, Province = o.Province,
        }).ToDictionary(o => o.Acronym!);
        db.Organizations.AddRange(organizations.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (unit, parent) in DemoOrganizations.Parents)
            organizations[unit].ParentId = organizations[parent].Id;

        foreach (var entry in DemoPeople.All)
        {
            var p = entry.Person;
            db.People.Add(new Features.People.Person
            {
                Honorific = p.Honorific, GivenNameTh = p.GivenNameTh, FamilyNameTh = p.FamilyNameTh, GivenNameEn = p.GivenNameEn,
                FamilyNameEn = p.FamilyNameEn, PositionTh = p.PositionTh, PositionEn = p.PositionEn, LegalBasis = p.LegalBasis,
                OrganizationId = organizations[entry.OrganizationAcronym].Id,
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, name, role, acronym) in Accounts)
        {
            if (await userManager.FindByEmailAsync(email) is not null) continue;
            var user = UserService.NewUser(email, name, acronym is null ? null : organizations[acronym].Id);
            var result = await userManager.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await userManager.AddToRoleAsync(user, role);
        }
    }
}
