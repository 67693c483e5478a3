using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Organizations;

public class OrganizationService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<PagedResult<OrganizationRow>> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = db.Organizations.AsNoTracking();
        if (query.IncludeDeleted && await currentUser.IsInAnyRoleAsync(Roles.Admin))
            organizations = organizations.IgnoreQueryFilters();

        var term = SearchTextBuilder.Normalize(query.Search);
        if (term.Length > 0)
            organizations = organizations.Where(o => o.SearchText.Contains(term));

        var total = await organizations.CountAsync(cancellationToken);
        organizations = (query.SortBy, query.Descending) switch
        {
            ("acronym", false) => organizations.OrderBy(o => o.Acronym == null).ThenBy(o => EF.Functions.Collate(o.Acronym, ThaiCollation.Name)),
            ("acronym", true) => organizations.OrderBy(o => o.Acronym == null).ThenByDescending(o => EF.Functions.Collate(o.Acronym, ThaiCollation.Name)),
            ("kind", false) => organizations.OrderBy(o => o.Kind).ThenBy(o => EF.Functions.Collate(o.NameTh, ThaiCollation.Name)),
            ("kind", true) => organizations.OrderByDescending(o => o.Kind).ThenBy(o => EF.Functions.Collate(o.NameTh, ThaiCollation.Name)),
            ("province", false) => organizations.OrderBy(o => EF.Functions.Collate(o.Province, ThaiCollation.Name)),
            ("province", true) => organizations.OrderByDescending(o => EF.Functions.Collate(o.Province, ThaiCollation.Name)),
            ("nameEn", false) => organizations.OrderBy(o => EF.Functions.Collate(o.NameEn, ThaiCollation.Name)),
            ("nameEn", true) => organizations.OrderByDescending(o => EF.Functions.Collate(o.NameEn, ThaiCollation.Name)),
            (_, false) => organizations.OrderBy(o => EF.Functions.Collate(o.NameTh, ThaiCollation.Name)),
            (_, true) => organizations.OrderByDescending(o => EF.Functions.Collate(o.NameTh, ThaiCollation.Name)),
        };
        var items = await organizations
            .Skip(query.Skip).Take(query.Take)
            .Select(o => new OrganizationRow(o.Id, o.NameTh, o.NameEn, o.Acronym, o.Kind, o.Province, o.DeletedAt != null))
            .ToListAsync(cancellationToken);
        return new PagedResult<OrganizationRow>(items, total);
    }

    /// <summary>Every live organization, for pickers (a few hundred rows at most).</summary>
    public async Task<List<OrganizationRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AllAsync(db, cancellationToken);
    }

    /// <summary>Every organization in Thai dictionary order, for the pickers; on a context the caller already holds.</summary>
    internal static Task<List<OrganizationRow>> AllAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking()
            .OrderBy(o => EF.Functions.Collate(o.NameTh, ThaiCollation.Name))
            .Select(o => new OrganizationRow(o.Id, o.NameTh, o.NameEn, o.Acronym, o.Kind, o.Province, false, o.Aliases))
            .ToListAsync(cancellationToken);

    /// <summary>One organization with its parent and units; deleted ones only for administrators.</summary>
    public async Task<Organization?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = db.Organizations.AsNoTracking();
        if (await currentUser.IsInAnyRoleAsync(Roles.Admin))
            organizations = organizations.IgnoreQueryFilters();
        var organization = await organizations
            .Include(o => o.Parent)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is not null)
        {
            organization.Children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == id)
                .OrderBy(o => EF.Functions.Collate(o.NameTh, ThaiCollation.Name)).ToListAsync(cancellationToken);
        }
        return organization;
    }

    public async Task<SaveResult> SaveAsync(int? id, OrganizationForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, id, form, cancellationToken);
        if (!errors.IsValid)
            return SaveResult.Invalid(errors);

        var organization = id is null ? new Organization() : await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            errors.Add("", "Validation.NotFound");
            return SaveResult.Invalid(errors);
        }
        if (id is null)
            db.Organizations.Add(organization);
        return await Concurrency.SaveAsync(db, organization, form, OrganizationForm.From, form.ApplyTo, o => o.Id, cancellationToken);
    }

    public async Task<FieldErrors> ValidateAsync(PortalDbContext db, int? id, OrganizationForm form, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(form.NameTh), form.NameTh);
        errors.Required(nameof(form.NameEn), form.NameEn);
        errors.MaxLength(nameof(form.NameTh), form.NameTh, FieldLengths.Name);
        errors.MaxLength(nameof(form.NameEn), form.NameEn, FieldLengths.Name);
        errors.MaxLength(nameof(form.Acronym), form.Acronym, FieldLengths.Acronym);
        errors.MaxLength(nameof(form.Aliases), form.Aliases, FieldLengths.Aliases);
        errors.MaxLength(nameof(form.Province), form.Province, FieldLengths.Province);
        errors.MaxLength(nameof(form.Website), form.Website, FieldLengths.Url);
        errors.MaxLength(nameof(form.HeadPositionTh), form.HeadPositionTh, FieldLengths.Position);
        errors.MaxLength(nameof(form.HeadPositionEn), form.HeadPositionEn, FieldLengths.Position);
        errors.MaxLength(nameof(form.Notes), form.Notes, FieldLengths.Notes);
        errors.Url(nameof(form.Website), form.Website);
        if (!Enum.IsDefined(form.Kind))
            errors.Add(nameof(form.Kind), "Validation.Required");
        if (form.MinutesLanguage is { } minutesLanguage && !Enum.IsDefined(minutesLanguage))
            errors.Add(nameof(form.MinutesLanguage), "Validation.Required");

        if (form.ParentId is { } parentId)
        {
            if (parentId == id || (id is not null && await IsDescendantAsync(db, parentId, id.Value, cancellationToken)))
                errors.Add(nameof(form.ParentId), "Organization.ParentCycle");
            else if (!await db.Organizations.AnyAsync(o => o.Id == parentId, cancellationToken))
                errors.Add(nameof(form.ParentId), "Validation.NotFound");
        }

        // Deleted records count too: the user is told to restore the old record rather than fork it.
        var others = db.Organizations.IgnoreQueryFilters().Where(o => o.Id != id);
        // Compared as they will be stored: "World\u202E Bank" is the World Bank again (and a NUL never reaches PostgreSQL).
        var nameTh = TextCleaning.SingleLine(form.NameTh);
        var nameEn = TextCleaning.SingleLine(form.NameEn).ToLowerInvariant();
        if (nameTh.Length > 0 && await others.AnyAsync(o => o.NameTh == nameTh, cancellationToken))
            errors.Add(nameof(form.NameTh), "Organization.DuplicateName");
#pragma warning disable CA1304, CA1311, CA1862 // in a query: ToLower() becomes SQL lower(), no .NET culture takes part
        if (nameEn.Length > 0 && await others.AnyAsync(o => o.NameEn.ToLower() == nameEn, cancellationToken))
#pragma warning restore CA1304, CA1311, CA1862
            errors.Add(nameof(form.NameEn), "Organization.DuplicateName");
        return errors;
    }

    private static async Task<bool> IsDescendantAsync(PortalDbContext db, int candidateId, int ancestorId, CancellationToken cancellationToken)
    {
        var seen = new HashSet<int>();
        int? current = candidateId;
        while (current is { } c && seen.Add(c))
        {
            if (c == ancestorId) return true;
            current = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == c).Select(o => o.ParentId).FirstOrDefaultAsync(cancellationToken);
        }
        return false;
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Organization>(db, id, deleted: true, cancellationToken);
    }

    public async Task RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Organization>(db, id, deleted: false, cancellationToken);
    }
}
