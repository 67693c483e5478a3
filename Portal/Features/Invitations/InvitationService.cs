using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.Organizations;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.Invitations;

/// <summary>
/// Who is invited to a meeting and what they answered, as staff manage it on the meeting page. Invitations describe the
/// meeting, not its minutes: they stay editable whatever the minutes' state, by the same roles that edit the meeting.
/// </summary>
public class InvitationService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, InvitationNotifier notifier, InvitationLinks links)
{
    public sealed record PartnerInvitee(Portal.Features.People.Person? Person, InvitationStatus Status, string AnswerPath);
    public sealed record PartnerInvitation(int MeetingId, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, Bilingual Title, Bilingual Venue, List<PartnerInvitee> Invitees);

    /// <summary>
    /// For a partner: the coming meetings its organization was sent invitations to, with each invitee's answer and the
    /// answer page to give or change it. The minutes of such a meeting stay hidden until approved; the invitation is
    /// what the partner was sent already, so its account may answer for the organization's invitees.
    /// </summary>
    /// <param name="meetingId">One meeting's invitations only, for that meeting's page.</param>
    public async Task<List<PartnerInvitation>> PartnerUpcomingAsync(DateOnly from, int? meetingId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await currentUser.PartnerOrganizationIdAsync(db, cancellationToken) is not { } organizationId) return [];
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.SentAt != null && i.Meeting!.DeletedAt == null && i.Meeting.Date >= from)
            .Where(i => meetingId == null || i.MeetingId == meetingId)
            .OrderBy(i => i.Meeting!.Date).ThenBy(i => i.Meeting!.StartTime).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.AnswerKey, i.Status, i.Person, i.MeetingId, i.Meeting!.Date, i.Meeting.StartTime, i.Meeting.EndTime, i.Meeting.TitleTh, i.Meeting.TitleEn,
                i.Meeting.RoomTh, i.Meeting.RoomEn, i.Meeting.BuildingTh, i.Meeting.BuildingEn })
            .Take(MaxInvitationsPerMeeting).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.MeetingId).Select(meeting =>
        {
            var first = meeting.First();
            return new PartnerInvitation(meeting.Key, first.Date, first.StartTime, first.EndTime, new Bilingual(first.TitleTh, first.TitleEn),
                new Bilingual(Meeting.VenueOf(first.RoomTh, first.RoomEn, first.BuildingTh, first.BuildingEn, thai: true),
                    Meeting.VenueOf(first.RoomTh, first.RoomEn, first.BuildingTh, first.BuildingEn, thai: false)),
                [.. meeting.Select(r => new PartnerInvitee(r.Person, r.Status,
                    "rsvp/" + links.Token(r.Id, r.AnswerKey, InvitationLinks.EndOfMeetingDay(r.Date))))]);
        })];
    }

    /// <summary>More than any meeting the portal records; bounds one organization's contacts added at once too.</summary>
    public const int MaxInvitationsPerMeeting = 500;

    /// <summary>A meeting's invitees with their person and organization, organizations first by name, then people.</summary>
    public async Task<List<Invitation>> ListAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Include(i => i.Person).Include(i => i.Organization).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(i => i.Organization?.NameTh ?? "\uffff", StringComparer.Ordinal).ThenBy(i => i.PersonId is null ? 0 : 1).ThenBy(i => i.Id)];
    }

    /// <summary>The meeting's reminder setting: days before the meeting, or null for none.</summary>
    public async Task<int?> ReminderDaysAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.InvitationReminderDays).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Invites an organization: each of its contacts (people whose current organization it is) not yet invited; with no
    /// contact, the organization itself (a letter to its head). Returns how many invitations were added.
    /// </summary>
    public async Task<(int Added, FieldErrors Errors)> InviteOrganizationAsync(int meetingId, int organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await OpenMeetingAsync(db, meetingId, cancellationToken);
        if (!errors.IsValid) return (0, errors);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            errors.Add("OrganizationId", "Validation.NotFound");
            return (0, errors);
        }
        var contacts = await db.People.Where(p => p.OrganizationId == organizationId && p.AnonymizedAt == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var invited = await db.Invitations.Where(i => i.MeetingId == meetingId).Select(i => new { i.PersonId, i.OrganizationId }).ToListAsync(cancellationToken);
        var added = new List<Invitation>();
        if (contacts.Count == 0)
        {
            if (!invited.Any(i => i.PersonId is null && i.OrganizationId == organizationId))
                added.Add(New(meetingId, organizationId, null));
        }
        else
        {
            added.AddRange(contacts.Where(c => !invited.Any(i => i.PersonId == c)).Select(c => New(meetingId, organizationId, c)));
        }
        if (added.Count == 0)
        {
            errors.Add("OrganizationId", "Invitation.AlreadyInvited");
            return (0, errors);
        }
        if (invited.Count + added.Count > MaxInvitationsPerMeeting)
        {
            errors.Add("", "Invitation.TooMany", MaxInvitationsPerMeeting);
            return (0, errors);
        }
        db.Invitations.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(meetingId);
        return (added.Count, errors);
    }

    /// <summary>Invites one person, under the organization they belong to now.</summary>
    public async Task<FieldErrors> InvitePersonAsync(int meetingId, int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await OpenMeetingAsync(db, meetingId, cancellationToken);
        if (!errors.IsValid) return errors;
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.AnonymizedAt == null, cancellationToken);
        if (person is null)
            errors.Add("PersonId", "Validation.NotFound");
        else if (await db.Invitations.AnyAsync(i => i.MeetingId == meetingId && i.PersonId == personId, cancellationToken))
            errors.Add("PersonId", "Invitation.AlreadyInvited");
        else if (await db.Invitations.CountAsync(i => i.MeetingId == meetingId, cancellationToken) >= MaxInvitationsPerMeeting)
            errors.Add("", "Invitation.TooMany", MaxInvitationsPerMeeting);
        if (!errors.IsValid) return errors;
        db.Invitations.Add(New(meetingId, person!.OrganizationId, personId));
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(meetingId);
        return errors;
    }

    /// <summary>Removes an invitee (hidden, kept in the audit log); their link stops working at once.</summary>
    public Task<FieldErrors> RemoveAsync(int meetingId, int invitationId, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, invitationId, (invitation, now) => invitation.DeletedAt = now, cancellationToken);

    /// <summary>Undoes a removal: the invitee comes back with their answer and their link works again.</summary>
    public async Task<FieldErrors> RestoreAsync(int meetingId, int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await OpenMeetingAsync(db, meetingId, cancellationToken);
        if (!errors.IsValid) return errors;
        var invitation = await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == invitationId && i.MeetingId == meetingId, cancellationToken);
        if (invitation is null)
        {
            errors.Add("", "Validation.NotFound");
            return errors;
        }
        if (invitation.PersonId is { } personId && await db.Invitations.AnyAsync(i => i.MeetingId == meetingId && i.PersonId == personId, cancellationToken))
        {
            errors.Add("", "Invitation.AlreadyInvited");
            return errors;
        }
        invitation.DeletedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(meetingId);
        return errors;
    }

    /// <summary>An answer recorded by staff (given by phone or in person), with the representative or the reason.</summary>
    public async Task<SaveResult> SetAnswerAsync(int meetingId, int invitationId, InvitationAnswerForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await OpenMeetingAsync(db, meetingId, cancellationToken);
        if (errors.IsValid) Validate(form, errors);
        if (!errors.IsValid) return SaveResult.Invalid(errors);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.MeetingId == meetingId, cancellationToken);
        if (invitation is null) return SaveResult.NotFound();
        var now = db.UtcNow;
        var result = await Concurrency.SaveAsync(db, invitation, form, InvitationAnswerForm.From, i => form.ApplyTo(i, now), i => i.Id, cancellationToken);
        if (!result.Succeeded) return result;
        if (await ExcuseIfDeclinedAsync(db, invitation, cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(meetingId);
        return result;
    }

    /// <summary>
    /// An invitee who declines is excused (ลาประชุม) on the meeting's attendee list, with their reason, so the list says
    /// before the day who is not coming — unless they checked in, staff recorded otherwise, or the minutes are no longer a
    /// draft. Returns whether the list changed (the caller saves).
    /// </summary>
    internal static async Task<bool> ExcuseIfDeclinedAsync(PortalDbContext db, Invitation invitation, CancellationToken cancellationToken)
    {
        if (invitation.Status != InvitationStatus.Declined || invitation.PersonId is not { } personId) return false;
        var status = await db.Meetings.Where(m => m.Id == invitation.MeetingId).Select(m => m.MinutesStatus).FirstAsync(cancellationToken);
        if (!MinutesWorkflow.CanEditContent(status)) return false;
        var attendee = await db.Attendees.FirstOrDefaultAsync(a => a.MeetingId == invitation.MeetingId && a.PersonId == personId
            && a.CheckedInAt == null && a.Status == AttendanceStatus.Present, cancellationToken);
        if (attendee is null) return false;
        attendee.Status = AttendanceStatus.Excused;
        attendee.AbsenceReason ??= invitation.DeclineReason;
        return true;
    }

    /// <summary>A new answer key: the link already sent stops working (it went to the wrong address), and the invitee can be sent a new one.</summary>
    public Task<FieldErrors> RenewLinkAsync(int meetingId, int invitationId, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, invitationId, (invitation, _) =>
        {
            invitation.AnswerKey = NewAnswerKey();
            invitation.SentAt = null;
            invitation.ReminderSentAt = null;
        }, cancellationToken);

    /// <summary>Changes one invitee of a meeting an editor may change, and tells the meeting's open pages.</summary>
    private async Task<FieldErrors> ChangeAsync(int meetingId, int invitationId, Action<Invitation, DateTime> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await OpenMeetingAsync(db, meetingId, cancellationToken);
        if (!errors.IsValid) return errors;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.MeetingId == meetingId, cancellationToken);
        if (invitation is null)
        {
            errors.Add("", "Validation.NotFound");
            return errors;
        }
        change(invitation, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(meetingId);
        return errors;
    }

    /// <summary>How many days before the meeting those who have not answered are reminded (1–60), or null for no reminder.</summary>
    public async Task<FieldErrors> SetReminderDaysAsync(int meetingId, int? days, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await OpenMeetingAsync(db, meetingId, cancellationToken);
        if (days is < 1 or > 60)
            errors.Add("ReminderDays", "Invitation.ReminderDaysRange", 1, 60);
        if (!errors.IsValid) return errors;
        var meeting = await db.Meetings.FirstAsync(m => m.Id == meetingId, cancellationToken);
        meeting.InvitationReminderDays = days;
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(meetingId);
        return errors;
    }

    public static void Validate(InvitationAnswerForm form, FieldErrors errors)
    {
        if (!Enum.IsDefined(form.Status))
            errors.Add(nameof(form.Status), "Validation.Required");
        if (form.Status == InvitationStatus.Representative)
        {
            errors.Required(nameof(form.RepresentativeName), form.RepresentativeName);
            errors.Required(nameof(form.RepresentativePosition), form.RepresentativePosition);
            errors.Required(nameof(form.RepresentativeContact), form.RepresentativeContact);
        }
        errors.MaxLength(nameof(form.RepresentativeName), form.RepresentativeName, FieldLengths.Name);
        errors.MaxLength(nameof(form.RepresentativePosition), form.RepresentativePosition, FieldLengths.Position);
        errors.MaxLength(nameof(form.RepresentativeContact), form.RepresentativeContact, FieldLengths.Email);
        errors.MaxLength(nameof(form.DeclineReason), form.DeclineReason, FieldLengths.Reason);
    }

    /// <summary>Attending, represented, declined, and not answered (invited or marked as no answer).</summary>
    public static InvitationCounts Count(IReadOnlyCollection<Invitation> invitations) => new(
        invitations.Count,
        invitations.Count(i => i.Status == InvitationStatus.Attending),
        invitations.Count(i => i.Status == InvitationStatus.Representative),
        invitations.Count(i => i.Status == InvitationStatus.Declined),
        invitations.Count(i => i.Status is InvitationStatus.Invited or InvitationStatus.NoAnswer));

    /// <summary>Whom an invitation is addressed to: the person, or the head of the organization.</summary>
    public static string Addressee(Invitation invitation, bool thai) => invitation.Person is { } person
        ? People.PersonNames.Full(person, thai)
        : BilingualText.Get("Invitation.HeadOf", thai).Replace("{0}", invitation.Organization?.DisplayName(thai) ?? "", StringComparison.Ordinal);

    /// <summary>International organizations are written to in English; everyone else in Thai.</summary>
    public static bool WritesInThai(Organization? organization) => organization?.Kind != OrganizationKind.InternationalOrganization;

    internal static string NewAnswerKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    internal static Invitation New(int meetingId, int? organizationId, int? personId) => new()
    {
        MeetingId = meetingId, OrganizationId = organizationId, PersonId = personId, Status = InvitationStatus.Invited, AnswerKey = NewAnswerKey(),
    };

    /// <summary>An editor, and a meeting that exists and is not deleted.</summary>
    private async Task<FieldErrors> OpenMeetingAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
            errors.Add("", "Validation.NotFound");
        return errors;
    }
}

public sealed record InvitationCounts(int Invited, int Attending, int Representative, int Declined, int NoAnswer);

/// <summary>What staff record of an invitee's answer.</summary>
public sealed record InvitationAnswerForm : IVersionedForm
{
    public int Version { get; set; }
    public InvitationStatus Status { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativePosition { get; set; }
    public string? RepresentativeContact { get; set; }
    public string? DeclineReason { get; set; }

    public static InvitationAnswerForm From(Invitation i) => new()
    {
        Version = i.Version, Status = i.Status, RepresentativeName = i.RepresentativeName, RepresentativePosition = i.RepresentativePosition,
        RepresentativeContact = i.RepresentativeContact, DeclineReason = i.DeclineReason,
    };

    /// <summary>Writes the answer; details that belong to another answer are cleared.</summary>
    public void ApplyTo(Invitation i, DateTime now)
    {
        var representative = Status == InvitationStatus.Representative;
        i.RepresentativeName = representative ? Input.Blank(RepresentativeName) : null;
        i.RepresentativePosition = representative ? Input.Blank(RepresentativePosition) : null;
        i.RepresentativeContact = representative ? Input.Blank(RepresentativeContact) : null;
        i.DeclineReason = Status == InvitationStatus.Declined ? Input.Blank(DeclineReason) : null;
        if (i.Status != Status || Status is InvitationStatus.Attending or InvitationStatus.Representative or InvitationStatus.Declined)
            i.AnsweredAt = Status is InvitationStatus.Invited or InvitationStatus.NoAnswer ? null : now;
        i.Status = Status;
    }
}

/// <summary>
/// Tells the open meeting pages of this instance that a meeting's invitations changed (an invitee answered through their
/// link, staff changed the list), so that the invitation section reloads without a page load.
/// </summary>
public sealed class InvitationNotifier
{
    public event Action<int>? InvitationsChanged;

    public void Changed(int meetingId) => InvitationsChanged?.Invoke(meetingId);
}
