using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Hosting;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.CheckIn;

/// <summary>
/// Check-in at the door: the meeting's secret link and QR code (staff), and what the anonymous check-in page does with
/// the link — find an expected attendee by a few typed letters, mark them present, or add someone who was not expected.
/// Everything the page does is bounded: a handful of names a search, none under three letters, the meeting's attendee
/// cap, the meeting's day only, and nothing of the meeting beyond its title, date and venue.
/// </summary>
public class CheckInService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock,
    PublicAddress publicAddress, CheckInNotifier notifier)
{
    /// <summary>How many names one search shows at most.</summary>
    public const int MaxMatches = 5;

    /// <summary>The audit log's name for changes made from the check-in page, where nobody is signed in.</summary>
    public static readonly AuditActor Actor = new(null, "check-in");

    /// <summary>The link the meeting's QR code holds; made (with its key) the first time it is asked for. Staff only.</summary>
    public async Task<string?> LinkAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken)) return null;
        var key = await db.MeetingCheckIns.Where(c => c.MeetingId == meetingId).Select(c => c.Key).FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            key = NewKey();
            db.MeetingCheckIns.Add(new MeetingCheckIn { MeetingId = meetingId, Key = key, CreatedAt = db.UtcNow });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another page made it at the same moment: theirs stands.
                await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
                key = await again.MeetingCheckIns.Where(c => c.MeetingId == meetingId).Select(c => c.Key).FirstAsync(cancellationToken);
            }
        }
        return LinkFor(key);
    }

    /// <summary>
    /// The link to print on the attendance sheet: for KKTT's own users, while the meeting's check-in has not closed
    /// (a partner's copy, or the sheet of a past meeting, carries none).
    /// </summary>
    public async Task<string?> SheetLinkAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        if (!await currentUser.IsInAnyRoleAsync(Policies.InternalRoles)) return null;
        var meeting = await DoorAsync(meetingId, cancellationToken);
        return meeting is null || meeting.State == CheckInState.Closed ? null : await LinkAsync(meetingId, cancellationToken);
    }

    public string LinkFor(string key) => publicAddress.Link($"check-in/{key}");

    /// <summary>22 characters of base64url: 128 random bits.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What the check-in page shows of the meeting behind a key, or null for a key that is no meeting's.</summary>
    public async Task<CheckInMeeting?> OpenAsync(string? key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await FindAsync(db, key, cancellationToken);
        return meeting is null ? null : Describe(meeting);
    }

    /// <summary>Whether the meeting's check-in has opened, from the meeting as a page already holds it (no query).</summary>
    public CheckInState StateOf(Meeting meeting) => Describe(meeting).State;

    private CheckInMeeting Describe(Meeting meeting)
    {
        var window = CheckInWindow.For(meeting.Date, meeting.StartTime, meeting.EndTime);
        var state = meeting.MinutesStatus == MinutesStatus.Draft ? window.StateAt(clock.GetUtcNow().UtcDateTime) : CheckInState.Closed;
        return new CheckInMeeting(meeting.Id, new Bilingual(meeting.TitleTh, meeting.TitleEn), meeting.Date, meeting.StartTime, meeting.EndTime,
            new Bilingual(meeting.Venue(true), meeting.Venue(false)), window, state);
    }

    private static async Task<Meeting?> FindAsync(PortalDbContext db, string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MeetingCheckInConfiguration.KeyLength) return null;
        var meetingId = await db.MeetingCheckIns.Where(c => c.Key == key).Select(c => (int?)c.MeetingId).FirstOrDefaultAsync(cancellationToken);
        return meetingId is null ? null : await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
    }

    /// <summary>At most <see cref="MaxMatches"/> expected attendees whose name holds what was typed; nothing under three letters or outside the window.</summary>
    public async Task<IReadOnlyList<CheckInCandidate>> SearchAsync(string? key, string? typed, CancellationToken cancellationToken = default)
    {
        if (typed is null || typed.Length > FieldLengths.PersonName || CheckInNames.Letters(typed) < CheckInNames.MinimumLetters) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await FindAsync(db, key, cancellationToken);
        if (meeting is null || Describe(meeting).State != CheckInState.Open) return [];
        return (await ExpectedAsync(db, meeting.Id, cancellationToken))
            .Where(e => CheckInNames.Matches(typed, e.Keys))
            .Take(MaxMatches)
            .Select(e => e.Candidate)
            .ToList();
    }

    /// <summary>The meeting's attendees, then its invitees (with a person, not declined) who are not attendees yet.</summary>
    private static async Task<List<Expected>> ExpectedAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        var attendees = await db.Attendees.AsNoTracking().Where(a => a.MeetingId == meetingId && a.Person!.AnonymizedAt == null)
            .Select(a => new { a.Id, a.PersonId, a.CheckedInAt, a.Person!.Honorific, a.Person.GivenNameTh, a.Person.FamilyNameTh, a.Person.GivenNameEn, a.Person.FamilyNameEn, Organization = a.Organization })
            .ToListAsync(cancellationToken);
        var listed = attendees.Select(a => a.PersonId).ToHashSet();
        var invitees = await db.Invitations.AsNoTracking()
            .Where(i => i.MeetingId == meetingId && i.PersonId != null && i.Status != InvitationStatus.Declined && i.Person!.AnonymizedAt == null)
            .Select(i => new { i.Id, PersonId = i.PersonId!.Value, i.Person!.Honorific, i.Person.GivenNameTh, i.Person.FamilyNameTh, i.Person.GivenNameEn, i.Person.FamilyNameEn, Organization = i.Organization ?? i.Person.Organization })
            .ToListAsync(cancellationToken);
        return
        [
            .. attendees.Select(a => new Expected(
                new CheckInCandidate($"a{a.Id}", Name(a.Honorific, a.GivenNameTh, a.FamilyNameTh, a.GivenNameEn, a.FamilyNameEn), OrganizationName(a.Organization), a.CheckedInAt is not null),
                CheckInNames.Keys(a.GivenNameTh, a.FamilyNameTh, a.GivenNameEn, a.FamilyNameEn))),
            .. invitees.Where(i => !listed.Contains(i.PersonId)).DistinctBy(i => i.PersonId).Select(i => new Expected(
                new CheckInCandidate($"i{i.Id}", Name(i.Honorific, i.GivenNameTh, i.FamilyNameTh, i.GivenNameEn, i.FamilyNameEn), OrganizationName(i.Organization), false),
                CheckInNames.Keys(i.GivenNameTh, i.FamilyNameTh, i.GivenNameEn, i.FamilyNameEn))),
        ];
    }

    private static Bilingual Name(Honorific honorific, string givenTh, string familyTh, string givenEn, string familyEn) => new(
        PersonNames.Full(honorific, givenTh, familyTh, thai: true),
        string.IsNullOrWhiteSpace(givenEn) ? PersonNames.Full(honorific, givenTh, familyTh, thai: true) : PersonNames.Full(honorific, givenEn, familyEn, thai: false));

    private static Bilingual OrganizationName(Organization? organization) => organization is null ? new Bilingual("", "") : organization.Name;

    /// <summary>Marks the picked attendee or invitee present now; an invitee becomes an attendee with their organization and position.</summary>
    public async Task<CheckInResult> CheckInAsync(string? key, string? candidate, CancellationToken cancellationToken = default)
    {
        if (candidate is not { Length: >= 2 and <= 12 } || candidate[0] is not ('a' or 'i')
            || !int.TryParse(candidate.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return CheckInResult.NotFound;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = Actor;
        var meeting = await FindAsync(db, key, cancellationToken);
        if (meeting is null) return CheckInResult.NotFound;
        if (Describe(meeting).State != CheckInState.Open) return CheckInResult.Closed;

        Attendee? attendee;
        if (candidate[0] == 'a')
        {
            attendee = await db.Attendees.Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == id && a.MeetingId == meeting.Id, cancellationToken);
            if (attendee is null) return CheckInResult.NotFound;
        }
        else
        {
            var invitation = await db.Invitations.Include(i => i.Person)
                .FirstOrDefaultAsync(i => i.Id == id && i.MeetingId == meeting.Id && i.PersonId != null && i.Status != InvitationStatus.Declined, cancellationToken);
            if (invitation?.Person is not { } person) return CheckInResult.NotFound;
            attendee = await db.Attendees.Include(a => a.Person).FirstOrDefaultAsync(a => a.MeetingId == meeting.Id && a.PersonId == person.Id, cancellationToken);
            if (attendee is null)
            {
                if (await db.Attendees.CountAsync(a => a.MeetingId == meeting.Id, cancellationToken) >= AttendanceService.MaxAttendeesPerMeeting)
                    return CheckInResult.Full;
                attendee = db.Attendees.Add(new Attendee
                {
                    MeetingId = meeting.Id,
                    PersonId = person.Id,
                    Person = person,
                    OrganizationId = invitation.OrganizationId ?? person.OrganizationId,
                    PositionTh = person.PositionTh,
                    PositionEn = person.PositionEn,
                    Role = AttendeeRole.Participant,
                }).Entity;
            }
        }
        var name = PersonNames.Bilingual(attendee.Person!);
        if (attendee.CheckedInAt is not null) return CheckInResult.Already(name, attendee.CheckedInAt.Value);
        attendee.CheckedInAt = clock.GetUtcNow().UtcDateTime;
        if (attendee.Status != AttendanceStatus.OnBehalf) attendee.Status = AttendanceStatus.Present;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Checked in (or added) by someone else a moment ago, or staff saved the row: tell what the record now says.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = await again.Attendees.Where(a => a.MeetingId == meeting.Id && a.PersonId == attendee.PersonId).Select(a => a.CheckedInAt).FirstOrDefaultAsync(cancellationToken);
            return now is { } at ? CheckInResult.Already(name, at) : CheckInResult.NotFound;
        }
        notifier.Notify(meeting.Id);
        return CheckInResult.Done(name, attendee.CheckedInAt.Value);
    }

    /// <summary>Someone the meeting did not expect adds themselves: a new person in the register, present now.</summary>
    public async Task<(CheckInResult Result, FieldErrors Errors)> AddSelfAsync(string? key, SelfCheckInForm form, CancellationToken cancellationToken = default)
    {
        var errors = Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Actor = Actor;
        var meeting = await FindAsync(db, key, cancellationToken);
        if (meeting is null) return (CheckInResult.NotFound, errors);
        if (Describe(meeting).State != CheckInState.Open) return (CheckInResult.Closed, errors);
        if (!errors.IsValid) return (CheckInResult.Invalid, errors);

        var (name, honorific) = CheckInNames.StripHonorifics(TextCleaning.SingleLine(form.Name!));
        var expected = await ExpectedAsync(db, meeting.Id, cancellationToken);
        if (expected.FirstOrDefault(e => CheckInNames.SameName(name, e.Keys)) is { } same)
            return (same.Candidate.CheckedIn ? CheckInResult.AlreadyByName(same.Candidate.Name) : CheckInResult.Listed(same.Candidate.Name), errors);
        if (await db.Attendees.CountAsync(a => a.MeetingId == meeting.Id, cancellationToken) >= AttendanceService.MaxAttendeesPerMeeting)
            return (CheckInResult.Full, errors);

        var organization = await MatchOrganizationAsync(db, form.Organization, cancellationToken);
        var position = TextCleaning.SingleLine(form.Position ?? "");
        var typedOrganization = TextCleaning.SingleLine(form.Organization ?? "");
        // An organization that is not clearly one of the register's is kept as typed, beside the position.
        if (organization is null && typedOrganization.Length > 0)
            position = position.Length == 0 ? typedOrganization : $"{position}, {typedOrganization}";
        var parts = name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var given = parts.Length > 0 ? parts[0] : name;
        var family = parts.Length > 1 ? parts[1] : "";
        var thai = CheckInNames.IsThai(name);
        var person = new Person
        {
            Honorific = honorific,
            GivenNameTh = given,
            FamilyNameTh = family,
            GivenNameEn = thai ? "" : given,
            FamilyNameEn = thai ? "" : family,
            PositionTh = thai || CheckInNames.IsThai(position) ? Blank(position) : null,
            PositionEn = thai || CheckInNames.IsThai(position) ? null : Blank(position),
            OrganizationId = organization?.Id,
            LegalBasis = LegalBasis.Consent,
        };
        var onBehalfOf = Blank(TextCleaning.SingleLine(form.OnBehalfOf ?? ""));
        var attendee = new Attendee
        {
            MeetingId = meeting.Id,
            Person = person,
            OrganizationId = organization?.Id,
            PositionTh = person.PositionTh,
            PositionEn = person.PositionEn,
            Role = AttendeeRole.Participant,
            Status = onBehalfOf is null ? AttendanceStatus.Present : AttendanceStatus.OnBehalf,
            OnBehalfOf = onBehalfOf,
            CheckedInAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Attendees.Add(attendee);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Notify(meeting.Id);
        return (CheckInResult.Done(PersonNames.Bilingual(person), attendee.CheckedInAt.Value), errors);
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public static FieldErrors Validate(SelfCheckInForm form)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(form.Name), form.Name);
        errors.MaxLength(nameof(form.Name), form.Name, FieldLengths.PersonName);
        if (errors.IsValid && CheckInNames.Letters(TextCleaning.SingleLine(form.Name!)) < 2)
            errors.Add(nameof(form.Name), "Validation.Required");
        errors.MaxLength(nameof(form.Organization), form.Organization, FieldLengths.Name);
        errors.MaxLength(nameof(form.Position), form.Position, FieldLengths.Position);
        errors.MaxLength(nameof(form.OnBehalfOf), form.OnBehalfOf, FieldLengths.Position);
        // Kept beside the position when it is no organization of the register: together they must fit the column.
        if (errors.IsValid && (form.Organization?.Length ?? 0) + (form.Position?.Length ?? 0) + 2 > FieldLengths.Position)
            errors.Add(nameof(form.Organization), "Validation.MaxLength", FieldLengths.Position - (form.Position?.Length ?? 0) - 2);
        return errors;
    }

    /// <summary>The register's organization the typed text names (its Thai or English name, acronym or an alias), when exactly one does.</summary>
    internal static async Task<Organization?> MatchOrganizationAsync(PortalDbContext db, string? typed, CancellationToken cancellationToken)
    {
        var wanted = CheckInNames.Compact(typed ?? "");
        if (wanted.Length < 2) return null;
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.NameTh, o.NameEn, o.Acronym, o.Aliases }).ToListAsync(cancellationToken);
        var matches = organizations.Where(o =>
                new[] { o.NameTh, o.NameEn, o.Acronym ?? "" }.Concat((o.Aliases ?? "").Split(',')).Any(n => CheckInNames.Compact(n) == wanted))
            .Select(o => o.Id).Distinct().ToList();
        return matches.Count == 1 ? await db.Organizations.FirstAsync(o => o.Id == matches[0], cancellationToken) : null;
    }

    /// <summary>How many have checked in at the door, and how many are expected (attendees and invitees who have not declined).</summary>
    public async Task<CheckInTally> TallyAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checkedIn = await db.Attendees.CountAsync(a => a.MeetingId == meetingId && a.CheckedInAt != null, cancellationToken);
        var expected = (await ExpectedAsync(db, meetingId, cancellationToken)).Count;
        return new CheckInTally(checkedIn, expected);
    }

    /// <summary>
    /// Once the door has opened: the attendees still recorded as present who never checked in are marked absent
    /// (ไม่มาประชุม), so the minutes start from who came. Those represented, excused or already absent are left as
    /// recorded. Editors, in a draft; returns how many were marked.
    /// </summary>
    /// <summary>Recorded as present but never checked in at the door: those "mark absent" marks (on behalf, excused, absent stay).</summary>
    public static readonly Expression<Func<Attendee, bool>> NotArrived = a => a.CheckedInAt == null && a.Status == AttendanceStatus.Present;

    /// <summary>Who "mark absent" would mark now, so the question can name them (read at the click: people arrive meanwhile).</summary>
    public async Task<IReadOnlyList<string>> NotArrivedNamesAsync(int meetingId, bool thai, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.Attendees.AsNoTracking().Where(a => a.MeetingId == meetingId).Where(NotArrived)
            .Select(a => a.Person!).ToListAsync(cancellationToken);
        return people.Select(p => PersonNames.Full(p, thai)).Order(StringComparer.Create(thai ? PortalCultures.ThaiCulture : System.Globalization.CultureInfo.InvariantCulture, false)).ToList();
    }

    public async Task<(int Marked, FieldErrors Errors)> MarkNotArrivedAbsentAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return (0, errors);
        if (Describe(meeting).State == CheckInState.NotYetOpen)
        {
            errors.Add("", "CheckIn.AbsentBeforeOpening");
            return (0, errors);
        }
        var notArrived = await db.Attendees.Where(a => a.MeetingId == meetingId).Where(NotArrived).ToListAsync(cancellationToken);
        foreach (var attendee in notArrived)
            attendee.Status = AttendanceStatus.Absent;
        await db.SaveChangesAsync(cancellationToken);
        notifier.Notify(meetingId);
        return (notArrived.Count, errors);
    }

    /// <summary>What the door page shows: the meeting's title, date and venue, and its link.</summary>
    public async Task<CheckInMeeting?> DoorAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        return meeting is null ? null : Describe(meeting);
    }

    private sealed record Expected(CheckInCandidate Candidate, IReadOnlyList<string> Keys);
}

public sealed record CheckInMeeting(int Id, Bilingual Title, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, Bilingual Venue, CheckInWindow Window, CheckInState State);

/// <summary>One name a search found: what the page shows, and the token its button sends back.</summary>
public sealed record CheckInCandidate(string Token, Bilingual Name, Bilingual Organization, bool CheckedIn);

public sealed record CheckInTally(int CheckedIn, int Expected);

public sealed class SelfCheckInForm
{
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public string? Position { get; set; }
    public string? OnBehalfOf { get; set; }
}

public enum CheckInOutcome
{
    CheckedIn,
    AlreadyCheckedIn,
    /// <summary>A self-added name that is already among the expected attendees: find it with the search instead.</summary>
    AlreadyListed,
    NotFound,
    Closed,
    Full,
    Invalid,
}

public sealed record CheckInResult(CheckInOutcome Outcome, Bilingual? Name = null, DateTime? At = null)
{
    public static readonly CheckInResult NotFound = new(CheckInOutcome.NotFound);
    public static readonly CheckInResult Closed = new(CheckInOutcome.Closed);
    public static readonly CheckInResult Full = new(CheckInOutcome.Full);
    public static readonly CheckInResult Invalid = new(CheckInOutcome.Invalid);
    public static CheckInResult Done(Bilingual name, DateTime at) => new(CheckInOutcome.CheckedIn, name, at);
    public static CheckInResult Already(Bilingual name, DateTime at) => new(CheckInOutcome.AlreadyCheckedIn, name, at);
    public static CheckInResult AlreadyByName(Bilingual name) => new(CheckInOutcome.AlreadyCheckedIn, name);
    public static CheckInResult Listed(Bilingual name) => new(CheckInOutcome.AlreadyListed, name);
}
