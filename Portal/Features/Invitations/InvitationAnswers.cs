using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Validation;

namespace Portal.Features.Invitations;

/// <summary>
/// The invitee's side, reached through their personal link without an account: what they are invited to and their answer,
/// nothing else of the meeting. Every call checks the token again: signature, expiry, the answer key, the invitation not
/// removed, the meeting not deleted and not over.
/// </summary>
public class InvitationAnswers(IDbContextFactory<PortalDbContext> dbFactory, InvitationLinks links, InvitationNotifier notifier, TimeProvider clock)
{
    /// <summary>What the answer page shows: the meeting's particulars, whom the invitation is for, and the answer so far.</summary>
    public sealed record AnswerView(
        int MeetingId, string TitleTh, string TitleEn, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, string VenueTh, string VenueEn,
        string AddresseeTh, string AddresseeEn, bool WritesInThai, InvitationAnswerForm Answer, DateTime? AnsweredAt);

    public async Task<AnswerView?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await FindAsync(db, token, cancellationToken);
        if (invitation is null) return null;
        var m = invitation.Meeting!;
        return new AnswerView(m.Id, m.TitleTh, m.TitleEn, m.Date, m.StartTime, m.EndTime, m.Venue(thai: true), m.Venue(thai: false),
            InvitationService.Addressee(invitation, thai: true), InvitationService.Addressee(invitation, thai: false),
            InvitationService.WritesInThai(invitation.Organization), InvitationAnswerForm.From(invitation), invitation.AnsweredAt);
    }

    /// <summary>Records the invitee's answer (they may change it until the meeting); null when the link no longer works.</summary>
    public async Task<FieldErrors?> AnswerAsync(string? token, InvitationAnswerForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await FindAsync(db, token, cancellationToken);
        if (invitation is null) return null;
        var errors = new FieldErrors();
        if (form.Status is not (InvitationStatus.Attending or InvitationStatus.Representative or InvitationStatus.Declined))
            errors.Add(nameof(form.Status), "Validation.Required");
        InvitationService.Validate(form, errors);
        if (!errors.IsValid) return errors;
        form.ApplyTo(invitation, db.UtcNow);
        await InvitationService.ExcuseIfDeclinedAsync(db, invitation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(invitation.MeetingId);
        return errors;
    }

    private async Task<Invitation?> FindAsync(PortalDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } read) return null;
        var invitation = await db.Invitations.Include(i => i.Meeting).Include(i => i.Person).Include(i => i.Organization)
            .FirstOrDefaultAsync(i => i.Id == read.InvitationId, cancellationToken);
        if (invitation?.Meeting is null || !InvitationLinks.SameKey(invitation.AnswerKey, read.AnswerKey))
            return null;
        // The token expires at the end of the meeting day; a meeting moved earlier closes its answers with it.
        return invitation.Meeting.Date < ActionDue.Today(clock) ? null : invitation;
    }
}
