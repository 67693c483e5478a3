using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Meetings;

/// <summary>Who was at a meeting, as whom, and who was not; part of the minutes, so changed only in a draft.</summary>
public class AttendanceService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>More than the largest seminar the portal records, and few enough that the attendance sheet always prints.</summary>
    public const int MaxAttendeesPerMeeting = 300;

    public async Task<SaveResult> SaveAsync(int meetingId, int? attendeeId, AttendeeForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return SaveResult.Invalid(errors);
        Validate(form, errors);
        if (form.PersonId is { } personId)
        {
            if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
                errors.Add(nameof(form.PersonId), "Validation.NotFound");
            else if (await db.Attendees.AnyAsync(a => a.MeetingId == meetingId && a.PersonId == personId && a.Id != attendeeId, cancellationToken))
                errors.Add(nameof(form.PersonId), "Attendee.AlreadyListed");
        }
        if (form.Status == AttendanceStatus.OnBehalf && form.OnBehalfOfPersonId is { } representedId)
        {
            if (representedId == form.PersonId)
                errors.Add(nameof(form.OnBehalfOfPersonId), "Attendee.OnBehalfOfSelf");
            else if (!await db.People.AnyAsync(p => p.Id == representedId, cancellationToken))
                errors.Add(nameof(form.OnBehalfOfPersonId), "Validation.NotFound");
        }
        if (form.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            errors.Add(nameof(form.OrganizationId), "Validation.NotFound");
        if (attendeeId is null && await db.Attendees.CountAsync(a => a.MeetingId == meetingId, cancellationToken) >= MaxAttendeesPerMeeting)
            errors.Add("", "Attendee.TooMany", MaxAttendeesPerMeeting);
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        var attendee = attendeeId is null
            ? db.Attendees.Add(new Attendee { MeetingId = meetingId }).Entity
            : await db.Attendees.FirstOrDefaultAsync(a => a.Id == attendeeId && a.MeetingId == meetingId, cancellationToken);
        if (attendee is null)
        {
            errors.Add("", "Validation.NotFound");
            return SaveResult.Invalid(errors);
        }
        return await Concurrency.SaveAsync(db, attendee, form, AttendeeForm.From, form.ApplyTo, a => a.Id, cancellationToken);
    }

    public static void Validate(AttendeeForm form, FieldErrors errors)
    {
        if (form.PersonId is null)
            errors.Add(nameof(form.PersonId), "Validation.Required");
        if (!Enum.IsDefined(form.Role))
            errors.Add(nameof(form.Role), "Validation.Required");
        if (!Enum.IsDefined(form.Status))
            errors.Add(nameof(form.Status), "Validation.Required");
        if (form.Status == AttendanceStatus.OnBehalf && form.OnBehalfOfPersonId is null && string.IsNullOrWhiteSpace(form.OnBehalfOf))
            errors.Add(nameof(form.OnBehalfOfPersonId), "Attendee.OnBehalfOfRequired");
        errors.MaxLength(nameof(form.PositionTh), form.PositionTh, FieldLengths.Position);
        errors.MaxLength(nameof(form.PositionEn), form.PositionEn, FieldLengths.Position);
        errors.MaxLength(nameof(form.OnBehalfOf), form.OnBehalfOf, FieldLengths.Position);
        errors.MaxLength(nameof(form.AbsenceReason), form.AbsenceReason, FieldLengths.Reason);
        errors.MaxLength(nameof(form.AbsenceReasonEn), form.AbsenceReasonEn, FieldLengths.Reason);
    }

    public async Task<FieldErrors> RemoveAsync(int meetingId, int attendeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (meeting, errors) = await MeetingDrafts.OpenAsync(db, currentUser, meetingId, cancellationToken);
        if (meeting is null) return errors;
        var attendee = await db.Attendees.FirstOrDefaultAsync(a => a.Id == attendeeId && a.MeetingId == meetingId, cancellationToken);
        if (attendee is not null)
        {
            attendee.DeletedAt = db.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
        }
        return errors;
    }
}
