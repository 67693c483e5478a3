using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Minutes;

namespace Portal.Features.Meetings;

/// <summary>
/// Which meetings the signed-in user may see, as a query filter, so every list, page, download and feed asks the
/// database the same question: KKTT's own users see every meeting; a partner sees only the meetings whose latest
/// approved minutes list its organization as attending (present, or through a stand-in), and sees them as approved.
/// A draft or a correction in progress changes nothing for a partner until it is approved.
/// </summary>
public class MeetingAccess(CurrentUser currentUser)
{
    public async Task<IQueryable<Meeting>> VisibleAsync(PortalDbContext db, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var meetings = includeDeleted && principal.IsInRole(Roles.Admin) ? db.Meetings.IgnoreQueryFilters() : db.Meetings;
        if (Policies.InternalRoles.Any(principal.IsInRole))
            return meetings;
        var shown = await PartnerVersionsAsync(db, cancellationToken) ?? db.ApprovedMinutes.Where(_ => false);
        return meetings.Where(m => shown.Any(v => v.MeetingId == m.Id));
    }

    public async Task<bool> CanSeeAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken = default) =>
        await (await VisibleAsync(db, cancellationToken: cancellationToken)).AnyAsync(m => m.Id == meetingId, cancellationToken);

    /// <summary>
    /// For a partner, the approved versions it is shown, one for each meeting it may see: the latest approved version
    /// of each meeting (not deleted) that lists its organization as attending. Null for KKTT's own users, who are shown
    /// the live record.
    /// </summary>
    public async Task<IQueryable<ApprovedMinutes>?> PartnerVersionsAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (Policies.InternalRoles.Any(principal.IsInRole))
            return null;
        var organizationId = await currentUser.PartnerOrganizationIdAsync(db, cancellationToken);
        if (organizationId is null)
            return db.ApprovedMinutes.Where(_ => false);
        // Meetings' query filter leaves deleted meetings out; a later approved version replaces an earlier one entirely.
        return db.ApprovedMinutes.Where(v => v.AttendingOrganizations.Any(o => o.OrganizationId == organizationId)
            && !db.ApprovedMinutes.Any(later => later.MeetingId == v.MeetingId && later.Version > v.Version)
            && db.Meetings.Any(m => m.Id == v.MeetingId));
    }
}
