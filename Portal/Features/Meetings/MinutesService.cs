using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Meetings;

/// <summary>Moves minutes through draft → in review → approved, freezing each approved version.</summary>
public class MinutesService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access)
{
    public async Task<IReadOnlyList<MinutesTransition>> AvailableAsync(MinutesStatus status)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return MinutesWorkflow.Available(status, principal.IsInRole);
    }

    /// <param name="reason">Why approved minutes are being corrected; required for <see cref="MinutesTransition.StartCorrection"/>.</param>
    public async Task<FieldErrors> TransitionAsync(int meetingId, MinutesTransition transition, string? reason = null, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await access.CanSeeAsync(db, meetingId, cancellationToken))
        {
            errors.Add("", "Validation.NotFound");
            return errors;
        }
        if (!MinutesWorkflow.RolesFor(transition).Any(principal.IsInRole))
            throw new UnauthorizedAccessException("The signed-in user may not take this step of the minutes workflow.");
        if (!MinutesWorkflow.IsAllowed(meeting.MinutesStatus, transition, principal.IsInRole))
        {
            errors.Add("", "Minutes.TransitionNotAllowed");
            return errors;
        }
        if (transition == MinutesTransition.StartCorrection)
        {
            errors.Required("Reason", reason);
            errors.MaxLength("Reason", reason, FieldLengths.Reason);
            if (!errors.IsValid) return errors;
        }

        switch (transition)
        {
            case MinutesTransition.Approve:
                db.ApprovedMinutes.Add(await FreezeAsync(db, meeting, await currentUser.GetActorAsync(), cancellationToken));
                break;
            case MinutesTransition.StartCorrection:
                meeting.MinutesVersion++;
                meeting.CorrectionReason = reason!.Trim();
                break;
        }
        meeting.MinutesStatus = MinutesWorkflow.To(transition);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The approved record of the meeting's minutes as they stand now.</summary>
    internal static async Task<ApprovedMinutes> FreezeAsync(PortalDbContext db, Meeting meeting, AuditActor approver, CancellationToken cancellationToken)
    {
        var whole = await MeetingService.LoadWholeAsync(db, meeting.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} vanished while being approved.");
        var document = MinutesDocument.From(whole) with { Status = MinutesStatus.Approved };
        return ApprovedMinutes.Freeze(document, meeting.MinutesVersion, db.UtcNow, approver, meeting.CorrectionReason);
    }

    public async Task<List<ApprovedMinutesRow>> VersionsAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (await ReadableVersionsAsync(db, meetingId, cancellationToken)).AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new ApprovedMinutesRow(v.Version, v.ApprovedAt, v.ApprovedByName, v.CorrectionReason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>An approved version (the latest when <paramref name="version"/> is null), for users who may read it.</summary>
    public async Task<(MinutesDocument Document, ApprovedMinutesRow Approval)?> GetVersionAsync(int meetingId, int? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var approved = await (await ReadableVersionsAsync(db, meetingId, cancellationToken)).AsNoTracking().Where(v => version == null || v.Version == version)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return approved is null ? null
            : (MinutesDocument.FromJson(approved.Document), new ApprovedMinutesRow(approved.Version, approved.ApprovedAt, approved.ApprovedByName, approved.CorrectionReason));
    }

    /// <summary>
    /// The approved versions of a meeting this user may read: every one for KKTT's users; for a partner only the version
    /// it is shown (<see cref="MeetingAccess.PartnerVersionsAsync"/>), since an earlier one may list other attendees.
    /// </summary>
    private async Task<IQueryable<ApprovedMinutes>> ReadableVersionsAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        if (await access.PartnerVersionsAsync(db, cancellationToken) is { } shown)
            return shown.Where(v => v.MeetingId == meetingId);
        return await access.CanSeeAsync(db, meetingId, cancellationToken)
            ? db.ApprovedMinutes.Where(v => v.MeetingId == meetingId)
            : db.ApprovedMinutes.Where(_ => false);
    }
}

public sealed record ApprovedMinutesRow(int Version, DateTime ApprovedAt, string ApprovedBy, string? CorrectionReason);
