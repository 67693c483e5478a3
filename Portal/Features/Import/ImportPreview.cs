using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;

namespace Portal.Features.Import;

/// <summary>Where an import goes: a meeting's attendance, the people register, the organizations register.</summary>
public enum ImportKind
{
    Attendees,
    People,
    Organizations,
}

/// <summary>Something to say about a row, next to it: an error keeps the row out of the import until it is fixed or skipped.</summary>
public sealed record ImportIssue(FieldError Message, bool IsError, string? FieldLabel = null);

/// <summary>One row of the sheet as the preview shows it: what it says, what it was matched to, and what the user chose.</summary>
public sealed class ImportRow
{
    public const int New = 0;
    public const int None = -1;

    public int Line { get; init; }
    public Honorific Honorific { get; set; }
    public string GivenNameTh { get; set; } = "";
    public string FamilyNameTh { get; set; } = "";
    public string GivenNameEn { get; set; } = "";
    public string FamilyNameEn { get; set; } = "";
    /// <summary>The organization as typed (people and attendees), or the organization's name (organizations).</summary>
    public string Organization { get; set; } = "";
    public string? PositionTh { get; set; }
    public string? PositionEn { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public AttendeeRole Role { get; set; } = AttendeeRole.Participant;
    public AttendanceStatus Status { get; set; } = AttendanceStatus.Present;
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Acronym { get; set; }
    public string? Aliases { get; set; }
    public string? Province { get; set; }
    public string? Website { get; set; }

    /// <summary>The people of the register the name (or e-mail address) could be, likeliest first.</summary>
    public List<int> Candidates { get; } = [];

    /// <summary>The person this row is (an id), or <see cref="New"/>.</summary>
    public int PersonChoice { get; set; } = New;

    /// <summary>The organization this row belongs to or is (an id), <see cref="New"/>, or <see cref="None"/>.</summary>
    public int OrganizationChoice { get; set; } = None;

    public bool Skip { get; set; }

    /// <summary>What is wrong with the row's own text (a missing name, an address that is not one); fixed by editing the sheet.</summary>
    public List<ImportIssue> ContentIssues { get; } = [];

    /// <summary>What a new record made from this row would be refused for (checked with the register's own validation).</summary>
    public List<ImportIssue> NewRecordIssues { get; } = [];

    /// <summary>What depends on the choices: a duplicate of another row, someone already attending.</summary>
    public List<ImportIssue> ChoiceIssues { get; } = [];

    public IEnumerable<ImportIssue> Issues(ImportKind kind) =>
        ContentIssues.Concat(CreatesRecord(kind) ? NewRecordIssues : []).Concat(ChoiceIssues);

    public bool HasErrors(ImportKind kind) => Issues(kind).Any(i => i.IsError);

    public bool CreatesRecord(ImportKind kind) => kind == ImportKind.Organizations ? OrganizationChoice == New : PersonChoice == New;

    public TypedName ThaiName => new(Honorific, GivenNameTh, FamilyNameTh);
    public TypedName EnglishName => new(Honorific, GivenNameEn, FamilyNameEn);

    /// <summary>The name as the sheet gives it, Thai first.</summary>
    public string TypedPersonName(bool thai)
    {
        var th = PersonNames.Full(Honorific, GivenNameTh, FamilyNameTh, thai: true);
        var en = PersonNames.Full(Honorific, GivenNameEn, FamilyNameEn, thai: false);
        return string.IsNullOrWhiteSpace(GivenNameTh + FamilyNameTh) ? en
            : string.IsNullOrWhiteSpace(GivenNameEn + FamilyNameEn) ? th
            : thai ? th : en;
    }

    public string TypedOrganizationName(bool thai) =>
        Organization.Length > 0 ? Organization : thai && NameTh.Length > 0 ? NameTh : NameEn.Length > 0 ? NameEn : NameTh;
}

/// <summary>What an uploaded file would do, row by row, before anything is saved.</summary>
public sealed class ImportPreview
{
    public ImportKind Kind { get; init; }
    public int? MeetingId { get; init; }
    public string FileName { get; init; } = "";
    public List<ImportRow> Rows { get; init; } = [];
    /// <summary>The fields the headings were recognised as, in the sheet's order.</summary>
    public List<ImportField> Columns { get; init; } = [];
    public IReadOnlyList<OrganizationRow> Organizations { get; init; } = [];
    public IReadOnlyDictionary<int, PersonCandidate> People { get; init; } = new Dictionary<int, PersonCandidate>();
    /// <summary>The people already listed at the meeting (attendee imports).</summary>
    public IReadOnlySet<int> Attending { get; init; } = new HashSet<int>();

    public IEnumerable<ImportRow> Included => Rows.Where(r => !r.Skip);

    public bool CanConfirm => Included.Any() && !Included.Any(r => r.HasErrors(Kind));

    public OrganizationRow? Organization(int id) => Organizations.FirstOrDefault(o => o.Id == id);

    /// <summary>
    /// The checks that depend on what the user chose: the same person (or organization) twice in the sheet, someone
    /// already at the meeting. Run again after every change of a row's match or skip.
    /// </summary>
    public void Recheck()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            row.ChoiceIssues.Clear();
            // A skipped row still shows why it would fail, and counts as no one's first occurrence.
            if (Identity(row) is { } identity)
            {
                if (seen.TryGetValue(identity, out var firstLine))
                    row.ChoiceIssues.Add(new ImportIssue(new FieldError("Import.DuplicateRow", firstLine), IsError: true));
                else if (!row.Skip)
                    seen[identity] = row.Line;
            }
            if (Kind == ImportKind.Attendees && row.PersonChoice > 0 && Attending.Contains(row.PersonChoice))
                row.ChoiceIssues.Add(new ImportIssue(new FieldError("Import.AlreadyAttending"), IsError: true));
        }
    }

    private string? Identity(ImportRow row)
    {
        if (Kind == ImportKind.Organizations)
            return row.OrganizationChoice > 0 ? $"o{row.OrganizationChoice}" : NameMatcher.Key(row.NameTh.Length > 0 ? row.NameTh : row.NameEn) is { Length: > 0 } k ? $"n{k}" : null;
        if (row.PersonChoice > 0) return $"p{row.PersonChoice}";
        var key = NameMatcher.PersonKey(row.ThaiName.IsEmpty ? row.EnglishName : row.ThaiName);
        return key.Length > 0 ? $"n{key}" : null;
    }
}

/// <summary>What a confirmed import did.</summary>
public sealed record ImportOutcome(int PeopleCreated, int PeopleMatched, int PeopleUpdated, int OrganizationsCreated, int OrganizationsMatched,
    int AttendeesAdded, int RowsSkipped);

/// <summary>The import was saved (<see cref="Outcome"/>), or nothing was and <see cref="Errors"/> says why.</summary>
public sealed record ImportResult(ImportOutcome? Outcome, FieldErrors Errors)
{
    public bool Succeeded => Outcome is not null;
}
