using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.Import;

/// <summary>
/// Attendee lists, contacts and organizations from a spreadsheet: <see cref="PreviewAsync"/> reads the file and matches
/// each row to the register without saving anything; <see cref="ConfirmAsync"/> saves what the user chose, all of it in
/// one transaction or none of it. Each record created or changed is audited as any edit is, under the importing user,
/// and the import itself is one more audit entry (<see cref="AuditAction.Imported"/>) naming the file and what it did.
/// </summary>
public class ImportService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OrganizationService organizationService)
{
    /// <summary>Reads the file and matches its rows; null with the reason when the file cannot be imported.</summary>
    public async Task<(ImportPreview? Preview, FieldErrors Errors)> PreviewAsync(ImportKind kind, int? meetingId, string fileName, Stream content,
        CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (kind == ImportKind.Attendees && !await CheckMeetingAsync(db, meetingId, errors, cancellationToken))
            return (null, errors);

        SpreadsheetTable table;
        try
        {
            table = SpreadsheetReader.Read(fileName, await ReadLimitedAsync(content, cancellationToken));
        }
        catch (SpreadsheetException e)
        {
            errors.Add("File", e.Error.Key, e.Error.Args);
            return (null, errors);
        }
        var columns = ImportColumns.Find(table.Headings, kind);
        if (!HasNameColumn(columns, kind))
        {
            errors.Add("File", kind == ImportKind.Organizations ? "Import.NoOrganizationColumn" : "Import.NoNameColumn");
            return (null, errors);
        }

        var organizations = await OrganizationService.AllAsync(db, cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.AnonymizedAt == null)
            .Select(p => new PersonCandidate(p.Id, p.Honorific, p.GivenNameTh, p.FamilyNameTh, p.GivenNameEn, p.FamilyNameEn, p.OrganizationId, p.Email))
            .ToListAsync(cancellationToken);
        var attending = kind == ImportKind.Attendees
            ? (await db.Attendees.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.PersonId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var organizationIndex = new OrganizationIndex(organizations);
        var personIndex = new PersonIndex(people);

        var rows = new List<ImportRow>();
        foreach (var line in table.Rows)
        {
            var row = ReadRow(kind, line, columns);
            if (kind == ImportKind.Organizations)
                MatchOrganizationRow(row, organizationIndex);
            else
                MatchPersonRow(row, organizationIndex, personIndex);
            await CheckNewRecordAsync(db, kind, row, cancellationToken);
            // A row that cannot be imported as it stands starts skipped; the user can still choose another match for it.
            rows.Add(row);
        }
        var preview = new ImportPreview
        {
            Kind = kind, MeetingId = meetingId, FileName = TextCleaning.SingleLine(fileName), Rows = rows,
            Columns = columns.OrderBy(c => c.Value).Select(c => c.Key).ToList(),
            Organizations = organizations, People = people.ToDictionary(p => p.Id), Attending = attending,
        };
        preview.Recheck();
        foreach (var row in rows.Where(r => r.HasErrors(kind)))
            row.Skip = true;
        preview.Recheck();
        return (preview, errors);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > SpreadsheetReader.MaxBytes)
                throw new SpreadsheetException("Import.TooLarge", SpreadsheetReader.MaxBytes / (1024 * 1024));
        }
        return buffer.ToArray();
    }

    private async Task<bool> CheckMeetingAsync(PortalDbContext db, int? meetingId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var (meeting, found) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId ?? 0, cancellationToken);
        foreach (var (field, error) in found.All) errors.Add(field, error.Key, error.Args);
        return meeting is not null;
    }

    private static bool HasNameColumn(Dictionary<ImportField, int> columns, ImportKind kind) => kind == ImportKind.Organizations
        ? columns.ContainsKey(ImportField.Organization) || columns.ContainsKey(ImportField.NameTh) || columns.ContainsKey(ImportField.NameEn)
        : columns.ContainsKey(ImportField.FullName) || columns.ContainsKey(ImportField.GivenName)
          || columns.ContainsKey(ImportField.FullNameEn) || columns.ContainsKey(ImportField.GivenNameEn);

    private static ImportRow ReadRow(ImportKind kind, SpreadsheetRow line, Dictionary<ImportField, int> columns)
    {
        string Get(ImportField field) => columns.TryGetValue(field, out var i) ? NameMatcher.Tidy(line.Cell(i)) : "";
        string? Optional(ImportField field) => Get(field) is { Length: > 0 } value ? value : null;

        var row = new ImportRow { Line = line.Line };
        foreach (var cell in line.Cells)
            if (cell.Length > 0 && cell[0] is '=' or '+' or '@' or '-' && !cell.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '-'))
            {
                row.ContentIssues.Add(new ImportIssue(new FieldError("Import.FormulaKept", cell), IsError: false));
                break;
            }

        if (kind == ImportKind.Organizations)
        {
            var typed = Get(ImportField.Organization);
            row.NameTh = Get(ImportField.NameTh) is { Length: > 0 } th ? th : NameMatcher.IsThai(typed) ? typed : "";
            row.NameEn = Get(ImportField.NameEn) is { Length: > 0 } en ? en : !NameMatcher.IsThai(typed) ? typed : "";
            row.Acronym = Optional(ImportField.Acronym);
            row.Aliases = Optional(ImportField.Aliases);
            row.Province = Optional(ImportField.Province);
            row.Website = Optional(ImportField.Website);
            if (row.NameTh.Length == 0 && row.NameEn.Length == 0)
                row.ContentIssues.Add(new ImportIssue(new FieldError("Import.MissingOrganizationName"), IsError: true));
            return row;
        }

        var name = columns.ContainsKey(ImportField.FullName) && Get(ImportField.FullName).Length > 0
            ? NameMatcher.FromParts(Get(ImportField.Honorific), Get(ImportField.FullName), null)
            : NameMatcher.FromParts(Get(ImportField.Honorific), Get(ImportField.GivenName), Get(ImportField.FamilyName));
        var english = Get(ImportField.FullNameEn).Length > 0
            ? NameMatcher.FromParts(null, Get(ImportField.FullNameEn), null)
            : NameMatcher.FromParts(null, Get(ImportField.GivenNameEn), Get(ImportField.FamilyNameEn));
        if (NameMatcher.IsThai(name.Given + name.Family) || name.IsEmpty)
        {
            (row.GivenNameTh, row.FamilyNameTh) = (name.Given, name.Family);
            (row.GivenNameEn, row.FamilyNameEn) = (english.Given, english.Family);
        }
        else
        {
            (row.GivenNameEn, row.FamilyNameEn) = (name.Given, name.Family);
            if (!english.IsEmpty && NameMatcher.IsThai(english.Given)) (row.GivenNameTh, row.FamilyNameTh) = (english.Given, english.Family);
        }
        row.Honorific = name.Honorific != Honorific.None ? name.Honorific : english.Honorific;
        if (name.IsEmpty && english.IsEmpty)
            row.ContentIssues.Add(new ImportIssue(new FieldError("Import.MissingName"), IsError: true));

        row.Organization = Get(ImportField.Organization);
        var position = Get(ImportField.Position);
        row.PositionTh = NameMatcher.IsThai(position) ? position : null;
        row.PositionEn = Optional(ImportField.PositionEn) ?? (position.Length > 0 && !NameMatcher.IsThai(position) ? position : null);
        row.Email = Optional(ImportField.Email);
        row.Phone = Optional(ImportField.Phone);
        if (kind == ImportKind.Attendees)
        {
            if (Optional(ImportField.Role) is { } role)
            {
                if (ParseChoice<AttendeeRole>(role, "AttendeeRole") is { } parsed) row.Role = parsed;
                else row.ContentIssues.Add(new ImportIssue(new FieldError("Import.UnknownRole", role), IsError: false));
            }
            if (Optional(ImportField.Status) is { } status)
            {
                if (ParseChoice<AttendanceStatus>(status, "AttendanceStatus") is { } parsed) row.Status = parsed;
                else row.ContentIssues.Add(new ImportIssue(new FieldError("Import.UnknownStatus", status), IsError: false));
            }
        }
        return row;
    }

    /// <summary>A role or status as the portal labels it in either language ("ประธาน", "Chair", "มาประชุม"), or by its name.</summary>
    internal static T? ParseChoice<T>(string typed, string prefix) where T : struct, Enum
    {
        var key = NameMatcher.Key(typed);
        foreach (var value in Enum.GetValues<T>())
        {
            var labels = new[] { value.ToString(), BilingualText.Get($"{prefix}.{value}", thai: true), BilingualText.Get($"{prefix}.{value}", thai: false) };
            if (labels.Any(l => NameMatcher.Key(l) == key || l.Split('/').Any(part => NameMatcher.Key(part) == key)))
                return value;
        }
        return null;
    }

    private static void MatchOrganizationRow(ImportRow row, OrganizationIndex organizations)
    {
        var match = organizations.Find(row.NameTh) ?? organizations.Find(row.NameEn) ?? organizations.Find(row.Acronym);
        row.OrganizationChoice = match?.Id ?? ImportRow.New;
    }

    private static void MatchPersonRow(ImportRow row, OrganizationIndex organizations, PersonIndex people)
    {
        if (row.Organization.Length > 0)
        {
            var organization = organizations.Find(row.Organization);
            row.OrganizationChoice = organization?.Id ?? ImportRow.New;
            if (organization is null)
                row.ContentIssues.Add(new ImportIssue(new FieldError("Import.UnknownOrganization", row.Organization), IsError: false));
        }
        var organizationId = row.OrganizationChoice > 0 ? row.OrganizationChoice : (int?)null;
        var found = people.Find(row.ThaiName, row.Email, organizationId);
        foreach (var candidate in people.Find(row.EnglishName, null, organizationId))
            if (!found.Contains(candidate)) found.Add(candidate);
        row.Candidates.AddRange(found.Select(p => p.Id));
        if (found.Count > 0)
        {
            row.PersonChoice = found[0].Id;
            if (found.Count > 1)
                row.ContentIssues.Add(new ImportIssue(new FieldError("Import.SeveralMatches", found.Count), IsError: false));
            // No organization in the sheet: the person's own.
            if (row.Organization.Length == 0 && found[0].OrganizationId is { } own)
                row.OrganizationChoice = own;
        }
    }

    /// <summary>The register's own validation of the record this row would create (and of the attendee it would add).</summary>
    private async Task CheckNewRecordAsync(PortalDbContext db, ImportKind kind, ImportRow row, CancellationToken cancellationToken)
    {
        row.NewRecordIssues.Clear();
        FieldErrors found;
        string labelPrefix;
        if (kind == ImportKind.Organizations)
        {
            if (row.NameTh.Length == 0 && row.NameEn.Length == 0) return;
            found = await organizationService.ValidateAsync(db, null, NewOrganizationForm(row), cancellationToken);
            labelPrefix = "Organization";
        }
        else
        {
            if (row.ThaiName.IsEmpty && row.EnglishName.IsEmpty) return;
            found = await PersonService.ValidateAsync(db, NewPersonForm(row, organizationId: null), cancellationToken);
            labelPrefix = "Person";
        }
        foreach (var (field, error) in found.All)
            row.NewRecordIssues.Add(new ImportIssue(error, IsError: true, field.Length > 0 ? $"{labelPrefix}.{field}" : null));
        if (kind == ImportKind.Attendees)
        {
            var attendeeErrors = new FieldErrors();
            AttendanceService.Validate(NewAttendeeForm(row, 1, null), attendeeErrors);
            foreach (var (field, error) in attendeeErrors.All)
                row.ContentIssues.Add(new ImportIssue(error, IsError: true, field.Length > 0 ? $"Attendee.{field}" : null));
        }
    }

    private static OrganizationForm NewOrganizationForm(ImportRow row) => new()
    {
        // Both names are required: a sheet with one gives it for both, to be corrected in the register.
        NameTh = row.NameTh.Length > 0 ? row.NameTh : row.NameEn,
        NameEn = row.NameEn.Length > 0 ? row.NameEn : row.NameTh,
        Acronym = row.Acronym, Aliases = row.Aliases, Province = row.Province, Website = row.Website,
    };

    private static OrganizationForm NewOrganizationForm(string typed) => new() { NameTh = typed, NameEn = typed };

    private static PersonForm NewPersonForm(ImportRow row, int? organizationId) => new()
    {
        Honorific = row.Honorific,
        // The register needs a Thai name to list and print; a sheet in English gives the English one until it is added.
        GivenNameTh = row.GivenNameTh.Length > 0 ? row.GivenNameTh : row.GivenNameEn,
        FamilyNameTh = row.GivenNameTh.Length > 0 ? row.FamilyNameTh : row.FamilyNameEn,
        GivenNameEn = row.GivenNameEn, FamilyNameEn = row.FamilyNameEn,
        PositionTh = row.PositionTh, PositionEn = row.PositionEn, Email = row.Email, Phone = row.Phone,
        OrganizationId = organizationId, LegalBasis = LegalBasis.LegitimateInterest,
    };

    private static AttendeeForm NewAttendeeForm(ImportRow row, int personId, int? organizationId) => new()
    {
        PersonId = personId, OrganizationId = organizationId, PositionTh = row.PositionTh, PositionEn = row.PositionEn, Role = row.Role, Status = row.Status,
    };

    /// <summary>
    /// Saves what the preview says, as the user left it: every included row or none. Everything is checked again first:
    /// the role, the meeting still in draft, the chosen records still there, no row with an error.
    /// </summary>
    public async Task<ImportResult> ConfirmAsync(ImportPreview preview, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = preview.Kind;
        if (kind == ImportKind.Attendees && !await CheckMeetingAsync(db, preview.MeetingId, errors, cancellationToken))
            return new ImportResult(null, errors);
        preview.Recheck();
        var rows = preview.Included.ToList();
        if (rows.Count == 0)
        {
            errors.Add("", "Import.NothingToImport");
            return new ImportResult(null, errors);
        }
        if (rows.FirstOrDefault(r => r.HasErrors(kind)) is { } wrong)
        {
            errors.Add("", "Import.RowsHaveErrors", wrong.Line);
            return new ImportResult(null, errors);
        }

        // The records chosen in the preview must still be there (someone may have deleted one since).
        var organizationIds = rows.Select(r => r.OrganizationChoice).Where(id => id > 0).Distinct().ToList();
        var existingOrganizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var personIds = rows.Select(r => r.PersonChoice).Where(id => id > 0).Distinct().ToList();
        var existingPeople = await db.People.Where(p => personIds.Contains(p.Id) && p.AnonymizedAt == null).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (existingOrganizations.Count != organizationIds.Count || (kind != ImportKind.Organizations && existingPeople.Count != personIds.Count))
        {
            errors.Add("", "Import.Stale");
            return new ImportResult(null, errors);
        }

        var outcome = kind == ImportKind.Organizations
            ? await AddOrganizationsAsync(db, rows, existingOrganizations, errors, cancellationToken)
            : await AddPeopleAsync(db, preview, rows, existingOrganizations, existingPeople, errors, cancellationToken);
        if (outcome is null)
            return new ImportResult(null, errors);
        outcome = outcome with { RowsSkipped = preview.Rows.Count - rows.Count };

        var actor = await currentUser.GetActorAsync();
        var (entityType, entityId) = kind switch
        {
            ImportKind.Attendees => (nameof(Meeting), preview.MeetingId!.Value.ToString(CultureInfo.InvariantCulture)),
            ImportKind.People => (nameof(Person), "import"),
            _ => (nameof(Organization), "import"),
        };
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow, UserId = actor.UserId, UserName = actor.Name, EntityType = entityType, EntityId = entityId, Action = AuditAction.Imported,
            Changes = System.Text.Json.JsonSerializer.Serialize(new
            {
                File = preview.FileName, Kind = kind.ToString(), Rows = preview.Rows.Count, outcome.RowsSkipped, outcome.PeopleCreated, outcome.PeopleMatched,
                outcome.PeopleUpdated, outcome.OrganizationsCreated, outcome.OrganizationsMatched, outcome.AttendeesAdded,
            }, AuditJson.Options),
        });
        try
        {
            // One save: the records, their audit rows and the import's own entry in one transaction (PortalDbContext).
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            errors.Add("", "Import.Failed");
            return new ImportResult(null, errors);
        }
        return new ImportResult(outcome, errors);
    }

    private async Task<ImportOutcome?> AddOrganizationsAsync(PortalDbContext db, List<ImportRow> rows, Dictionary<int, Organization> existing,
        FieldErrors errors, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var row in rows)
        {
            if (row.OrganizationChoice > 0) continue;
            var form = NewOrganizationForm(row);
            if (!Valid(await organizationService.ValidateAsync(db, null, form, cancellationToken), row, errors)) return null;
            var organization = new Organization();
            form.ApplyTo(organization);
            db.Organizations.Add(organization);
            created++;
        }
        return new ImportOutcome(0, 0, 0, created, rows.Count - created, 0, 0);
    }

    private static bool Valid(FieldErrors found, ImportRow row, FieldErrors errors)
    {
        if (found.IsValid) return true;
        errors.Add("", "Import.RowsHaveErrors", row.Line);
        return false;
    }

    private async Task<ImportOutcome?> AddPeopleAsync(PortalDbContext db, ImportPreview preview, List<ImportRow> rows,
        Dictionary<int, Organization> organizations, Dictionary<int, Person> people, FieldErrors errors, CancellationToken cancellationToken)
    {
        var kind = preview.Kind;
        if (kind == ImportKind.Attendees)
        {
            var count = await db.Attendees.CountAsync(a => a.MeetingId == preview.MeetingId, cancellationToken);
            if (count + rows.Count > AttendanceService.MaxAttendeesPerMeeting)
            {
                errors.Add("", "Attendee.TooMany", AttendanceService.MaxAttendeesPerMeeting);
                return null;
            }
            var chosen = rows.Where(r => r.PersonChoice > 0).Select(r => r.PersonChoice).ToList();
            if (await db.Attendees.AnyAsync(a => a.MeetingId == preview.MeetingId && chosen.Contains(a.PersonId), cancellationToken))
            {
                errors.Add("", "Import.Stale");
                return null;
            }
        }

        // One new organization per name typed, however many rows name it.
        var newOrganizations = new Dictionary<string, Organization>(StringComparer.Ordinal);
        int created = 0, matched = 0, updated = 0, attendees = 0;
        foreach (var row in rows)
        {
            Organization? organization = null;
            if (row.OrganizationChoice > 0)
                organization = organizations[row.OrganizationChoice];
            else if (row.OrganizationChoice == ImportRow.New && row.Organization.Length > 0)
            {
                var key = NameMatcher.Key(row.Organization);
                if (!newOrganizations.TryGetValue(key, out organization))
                {
                    var form = NewOrganizationForm(row.Organization);
                    if (!Valid(await organizationService.ValidateAsync(db, null, form, cancellationToken), row, errors)) return null;
                    organization = new Organization();
                    form.ApplyTo(organization);
                    db.Organizations.Add(organization);
                    newOrganizations[key] = organization;
                }
            }

            Person person;
            if (row.PersonChoice > 0)
            {
                person = people[row.PersonChoice];
                matched++;
                // A contacts sheet fills what the register lacks; it never overwrites what is there.
                if (kind == ImportKind.People && await FillBlanksAsync(db, person, row, organization, cancellationToken))
                    updated++;
            }
            else
            {
                var form = NewPersonForm(row, organizationId: null);
                if (!Valid(await PersonService.ValidateAsync(db, form, cancellationToken), row, errors)) return null;
                person = new Person();
                form.ApplyTo(person);
                person.Organization = organization;
                db.People.Add(person);
                created++;
            }

            if (kind == ImportKind.Attendees)
            {
                // The organization the sheet names, else the person's own.
                var attendee = new Attendee { MeetingId = preview.MeetingId!.Value, Person = person, Organization = organization ?? person.Organization };
                if (attendee.Organization is null) attendee.OrganizationId = person.OrganizationId;
                var form = NewAttendeeForm(row, 1, null);
                attendee.PositionTh = Input.Blank(form.PositionTh) ?? person.PositionTh;
                attendee.PositionEn = Input.Blank(form.PositionEn) ?? person.PositionEn;
                attendee.Role = form.Role;
                attendee.Status = form.Status;
                db.Attendees.Add(attendee);
                attendees++;
            }
        }
        return new ImportOutcome(created, matched, updated, newOrganizations.Count, rows.Count(r => r.OrganizationChoice > 0), attendees, 0);
    }

    /// <summary>Fills the person's empty e-mail, phone, positions and organization from the row, when the result passes the register's validation.</summary>
    private static async Task<bool> FillBlanksAsync(PortalDbContext db, Person person, ImportRow row, Organization? organization, CancellationToken cancellationToken)
    {
        var form = PersonForm.From(person);
        var filled = form with
        {
            Email = person.Email ?? row.Email, Phone = person.Phone ?? row.Phone,
            PositionTh = person.PositionTh ?? row.PositionTh, PositionEn = person.PositionEn ?? row.PositionEn,
        };
        var newOrganization = person.OrganizationId is null && person.Organization is null && organization is not null;
        if (filled == form && !newOrganization) return false;
        if (!(await PersonService.ValidateAsync(db, filled with { OrganizationId = null }, cancellationToken)).IsValid) return false;
        filled.ApplyTo(person);
        if (newOrganization) person.Organization = organization;
        else person.OrganizationId = form.OrganizationId;
        return true;
    }
}
