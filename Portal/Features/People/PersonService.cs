using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.People;

public class PersonService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<PagedResult<PersonRow>> ListAsync(ListQuery query, int? organizationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking();
        if (query.IncludeDeleted && await currentUser.IsInAnyRoleAsync(Roles.Admin))
            people = people.IgnoreQueryFilters();
        if (organizationId is not null)
            people = people.Where(p => p.OrganizationId == organizationId);

        // "ศ.ดร. วนิดา" as the portal shows it, or "Dr. Wanida" as people type it: the honorific is not in the stored names.
        var term = SearchTextBuilder.Normalize(PersonNames.StripHonorifics(query.Search ?? "").Name);
        if (term.Length > 0)
            people = people.Where(p => p.SearchText.Contains(term) || (p.Organization != null && p.Organization.SearchText.Contains(term)));

        var total = await people.CountAsync(cancellationToken);
        people = (query.SortBy, query.Descending) switch
        {
            ("nameEn", false) => people.OrderBy(p => EF.Functions.Collate(p.GivenNameEn, ThaiCollation.Name)).ThenBy(p => p.FamilyNameEn),
            ("nameEn", true) => people.OrderByDescending(p => EF.Functions.Collate(p.GivenNameEn, ThaiCollation.Name)).ThenByDescending(p => p.FamilyNameEn),
            ("organization", false) => people.OrderBy(p => EF.Functions.Collate(p.Organization!.NameTh, ThaiCollation.Name)).ThenBy(p => EF.Functions.Collate(p.GivenNameTh, ThaiCollation.Name)),
            ("organization", true) => people.OrderByDescending(p => EF.Functions.Collate(p.Organization!.NameTh, ThaiCollation.Name)).ThenBy(p => EF.Functions.Collate(p.GivenNameTh, ThaiCollation.Name)),
            (_, false) => people.OrderBy(p => EF.Functions.Collate(p.GivenNameTh, ThaiCollation.Name)).ThenBy(p => EF.Functions.Collate(p.FamilyNameTh, ThaiCollation.Name)),
            (_, true) => people.OrderByDescending(p => EF.Functions.Collate(p.GivenNameTh, ThaiCollation.Name)).ThenByDescending(p => EF.Functions.Collate(p.FamilyNameTh, ThaiCollation.Name)),
        };
        var items = await Rows(people.Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new PagedResult<PersonRow>(items, total);
    }

    public async Task<PersonRow?> GetRowAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.People.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    internal static IQueryable<PersonRow> Rows(IQueryable<Person> people) =>
        people.Select(p => new PersonRow(p.Id, p.Honorific, p.GivenNameTh, p.FamilyNameTh, p.GivenNameEn, p.FamilyNameEn,
            p.PositionTh, p.PositionEn, p.OrganizationId, p.Organization!.Acronym, p.Organization.NameTh, p.Organization.NameEn,
            p.AnonymizedAt != null, p.DeletedAt != null));

    public async Task<Person?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking();
        if (await currentUser.IsInAnyRoleAsync(Roles.Admin))
            people = people.IgnoreQueryFilters();
        return await people.Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<SaveResult> SaveAsync(int? id, PersonForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, form, cancellationToken);
        if (!errors.IsValid)
            return SaveResult.Invalid(errors);

        var person = id is null ? new Person() : await db.People.FirstOrDefaultAsync(p => p.Id == id && p.AnonymizedAt == null, cancellationToken);
        if (person is null)
        {
            errors.Add("", "Validation.NotFound");
            return SaveResult.Invalid(errors);
        }
        if (id is null)
            db.People.Add(person);
        return await Concurrency.SaveAsync(db, person, form, PersonForm.From, form.ApplyTo, p => p.Id, cancellationToken);
    }

    internal static async Task<FieldErrors> ValidateAsync(PortalDbContext db, PersonForm form, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(form.GivenNameTh), form.GivenNameTh);
        errors.MaxLength(nameof(form.GivenNameTh), form.GivenNameTh, FieldLengths.PersonName);
        errors.MaxLength(nameof(form.FamilyNameTh), form.FamilyNameTh, FieldLengths.PersonName);
        errors.MaxLength(nameof(form.GivenNameEn), form.GivenNameEn, FieldLengths.PersonName);
        errors.MaxLength(nameof(form.FamilyNameEn), form.FamilyNameEn, FieldLengths.PersonName);
        errors.MaxLength(nameof(form.PositionTh), form.PositionTh, FieldLengths.Position);
        errors.MaxLength(nameof(form.PositionEn), form.PositionEn, FieldLengths.Position);
        errors.MaxLength(nameof(form.Email), form.Email, FieldLengths.Email);
        errors.MaxLength(nameof(form.Phone), form.Phone, FieldLengths.Phone);
        errors.Email(nameof(form.Email), form.Email);
        if (!string.IsNullOrWhiteSpace(form.Phone) && !form.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'))
            errors.Add(nameof(form.Phone), "Validation.Phone");
        if (!Enum.IsDefined(form.Honorific))
            errors.Add(nameof(form.Honorific), "Validation.Required");
        if (!Enum.IsDefined(form.LegalBasis))
            errors.Add(nameof(form.LegalBasis), "Validation.Required");
        if (form.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            errors.Add(nameof(form.OrganizationId), "Validation.NotFound");
        return errors;
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Person>(db, id, deleted: true, cancellationToken);
    }

    public async Task RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SoftDeletes.SetDeletedAsync<Person>(db, id, deleted: false, cancellationToken);
    }

    /// <summary>
    /// PDPA erasure: the person's identifying data goes, the row stays, so minutes that name them still resolve.
    /// The audit trail keeps no copy of the erased values.
    /// </summary>
    public async Task AnonymizeAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null || person.AnonymizedAt is not null) return;
        person.GivenNameTh = person.FamilyNameTh = person.GivenNameEn = person.FamilyNameEn = "";
        person.Email = person.Phone = null;
        person.Honorific = Honorific.None;
        person.AnonymizedAt = db.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        // Earlier audit rows hold the old values; scrub them so erasure is real.
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.AuditEntries.Where(a => a.EntityType == nameof(Person) && a.EntityId == entityId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, "{}"), cancellationToken);
    }
}
