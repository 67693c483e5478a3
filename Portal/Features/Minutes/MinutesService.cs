using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Users;
using Portal.Validation;

using Portal.Features.Meetings;
using Portal.Localization;

namespace Portal.Features.Minutes;

/// <summary>Moves minutes through draft → in review → approved, freezing each approved version.</summary>
public class MinutesService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access, Notifications.Notifier notifier)
{
    /// <summary>Meetings whose minutes were sent for review, oldest first: the reviewer's list. Empty for users who cannot approve.</summary>
    public async Task<List<MeetingRow>> AwaitingReviewAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!MinutesWorkflow.RolesFor(MinutesTransition.Approve).Any(principal.IsInRole)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken)).Where(m => m.MinutesStatus == MinutesStatus.InReview)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime);
        return await MeetingListService.Rows(meetings).ToListAsync(cancellationToken);
    }

    /// <summary>Minutes a reviewer sent back for corrections, with the reviewer's reason, for those who may send them again.</summary>
    public async Task<List<(MeetingRow Meeting, string Reason)>> ReturnedForCorrectionsAsync(CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!MinutesWorkflow.RolesFor(MinutesTransition.SubmitForReview).Any(principal.IsInRole)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = (await access.VisibleAsync(db, cancellationToken: cancellationToken))
            .Where(m => m.MinutesStatus == MinutesStatus.Draft && m.ReturnReason != null)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime);
        var reasons = await meetings.Select(m => new { m.Id, m.ReturnReason }).ToDictionaryAsync(m => m.Id, m => m.ReturnReason!, cancellationToken);
        return (await MeetingListService.Rows(meetings).ToListAsync(cancellationToken)).Select(row => (row, reasons[row.Id])).ToList();
    }

    public async Task<IReadOnlyList<MinutesTransition>> AvailableAsync(MinutesStatus status)
    {
        var principal = await currentUser.GetPrincipalAsync();
        return MinutesWorkflow.Available(status, principal.IsInRole);
    }

    /// <param name="reason">
    /// Why approved minutes are being corrected (<see cref="MinutesTransition.StartCorrection"/>) or why minutes in review are
    /// sent back (<see cref="MinutesTransition.ReturnToDraft"/>); required for both.
    /// </param>
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
        if (MinutesWorkflow.NeedsReason(transition))
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
            case MinutesTransition.ReturnToDraft:
                meeting.ReturnReason = reason!.Trim();
                break;
            case MinutesTransition.SubmitForReview:
                // The corrections asked for are made: the reason has done its work and stays only in the audit log.
                meeting.ReturnReason = null;
                meeting.SubmittedById = (await currentUser.GetActorAsync()).UserId;
                break;
        }
        meeting.MinutesStatus = MinutesWorkflow.To(transition);
        await db.SaveChangesAsync(cancellationToken);
        if (transition == MinutesTransition.Approve)
            await notifier.MinutesApprovedAsync(meetingId, await currentUser.GetActorAsync(), cancellationToken);
        return errors;
    }

    /// <summary>The approved record of the meeting's minutes as they stand now.</summary>
    internal static async Task<ApprovedMinutes> FreezeAsync(PortalDbContext db, Meeting meeting, AuditActor approver, CancellationToken cancellationToken)
    {
        var whole = await MeetingService.LoadWholeAsync(db, meeting.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} vanished while being approved.");
        var reviewer = await AccountPeople.ByIdAsync(db, approver.UserId, cancellationToken);
        var document = MinutesDocument.From(whole, await AccountPeople.ByIdAsync(db, whole.SubmittedById, cancellationToken), reviewer)
            with { Status = MinutesStatus.Approved, CarriedItems = await CarryForward.CarryForwardService.ForMinutesAsync(db, whole, cancellationToken) };
        return ApprovedMinutes.Freeze(document, meeting.MinutesVersion, db.UtcNow, approver with { Name = reviewer?.Name.Th ?? approver.Name },
            meeting.CorrectionReason);
    }

    /// <summary>
    /// The live minutes as they would print now: the recorder is the listed secretary, else who sent them for review; the
    /// reviewer is who approved them, while they stand approved.
    /// </summary>
    public async Task<MinutesDocument> DocumentAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Signatory? reviewer = null;
        if (meeting.MinutesStatus == MinutesStatus.Approved
            && await db.ApprovedMinutes.AsNoTracking().Where(v => v.MeetingId == meeting.Id).OrderByDescending(v => v.Version)
                .Select(v => new { v.Document, v.ApprovedById }).FirstOrDefaultAsync(cancellationToken) is { } latest)
            reviewer = MinutesDocument.FromJson(latest.Document).Reviewer ?? await AccountPeople.ByIdAsync(db, latest.ApprovedById, cancellationToken);
        return MinutesDocument.From(meeting, await AccountPeople.ByIdAsync(db, meeting.SubmittedById, cancellationToken), reviewer)
            with { CarriedItems = await CarryForward.CarryForwardService.ForMinutesAsync(db, meeting, cancellationToken) };
    }

    /// <summary>
    /// What looks unfinished in a draft, for the user to see before sending it for review: no attendees, agenda items without
    /// a resolution in either language, a meeting that has not taken place yet. None of it stops the submission.
    /// </summary>
    public async Task<List<FieldError>> SubmissionWarningsAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await access.CanSeeAsync(db, meetingId, cancellationToken)) return [];
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new
            {
                m.Date,
                Attendees = m.Attendees.Count(),
                AgendaItems = m.AgendaItems.Count(),
                Unresolved = m.AgendaItems
                    .Where(i => (i.ResolutionTh == null || i.ResolutionTh.Trim() == "") && (i.ResolutionEn == null || i.ResolutionEn.Trim() == ""))
                    .OrderBy(i => i.Position).Select(i => new { i.Position, i.TopicTh, i.TopicEn }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (meeting is null) return [];
        var thai = Localization.PortalCultures.IsThai();
        var warnings = new List<FieldError>();
        if (meeting.Attendees == 0)
            warnings.Add(new FieldError("Minutes.Warning.NoAttendees"));
        if (meeting.AgendaItems == 0)
            warnings.Add(new FieldError("Minutes.Warning.NoAgenda"));
        warnings.AddRange(meeting.Unresolved.Select(i =>
            new FieldError("Minutes.Warning.NoResolution", i.Position, thai || string.IsNullOrWhiteSpace(i.TopicEn) ? i.TopicTh : i.TopicEn)));
        if (meeting.Date > ActionItems.ActionDue.Today(db.Clock))
            warnings.Add(new FieldError("Minutes.Warning.InFuture", Localization.ThaiDates.LongDate(meeting.Date)));
        return warnings;
    }

    public async Task<List<ApprovedMinutesRow>> VersionsAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (await ReadableVersionsAsync(db, meetingId, cancellationToken)).AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.ApprovedAt, v.ApprovedById, v.ApprovedByName, v.CorrectionReason })
            .ToListAsync(cancellationToken)
            is var rows && await AccountPeople.ByIdAsync(db, rows.Select(r => r.ApprovedById), cancellationToken) is var approvers
            ? rows.Select(r => new ApprovedMinutesRow(r.Version, r.ApprovedAt, ApproverName(approvers, r.ApprovedById, r.ApprovedByName), r.CorrectionReason)).ToList()
            : [];
    }

    /// <summary>The approver as people know them now; the name stored at approval when the account is gone.</summary>
    private static Bilingual ApproverName(Dictionary<string, Signatory> approvers, string? userId, string stored) =>
        userId is not null && approvers.TryGetValue(userId, out var approver) ? approver.Name : new Bilingual(stored, stored);

    /// <summary>An approved version (the latest when <paramref name="version"/> is null), for users who may read it.</summary>
    public async Task<(MinutesDocument Document, ApprovedMinutesRow Approval)?> GetVersionAsync(int meetingId, int? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var approved = await (await ReadableVersionsAsync(db, meetingId, cancellationToken)).AsNoTracking().Where(v => version == null || v.Version == version)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        if (approved is null) return null;
        var approver = await AccountPeople.ByIdAsync(db, approved.ApprovedById, cancellationToken);
        var document = MinutesDocument.FromJson(approved.Document);
        // Versions approved before the document kept its reviewer sign with the approving account as it stands now.
        if (document.Reviewer is null && approver is not null) document = document with { Reviewer = approver };
        return (document, new ApprovedMinutesRow(approved.Version, approved.ApprovedAt,
            approver?.Name ?? new Bilingual(approved.ApprovedByName, approved.ApprovedByName), approved.CorrectionReason));
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

public sealed record ApprovedMinutesRow(int Version, DateTime ApprovedAt, Bilingual ApprovedBy, string? CorrectionReason);
