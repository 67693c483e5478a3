using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;

namespace Portal.Features.Meetings;

/// <summary>
/// Which meetings the signed-in user may see, as a query filter, so every list, page, download and feed asks the
/// database the same question: KKTT's own users see every meeting; a partner sees only the meetings its organization
/// attended whose minutes have been approved at least once.
/// </summary>
public class MeetingAccess(CurrentUser currentUser)
{
    public async Task<IQueryable<Meeting>> VisibleAsync(PortalDbContext db, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var meetings = includeDeleted && principal.IsInRole(Roles.Admin) ? db.Meetings.IgnoreQueryFilters() : db.Meetings;
        if (Policies.InternalRoles.Any(principal.IsInRole))
            return meetings;
        var organizationId = await currentUser.PartnerOrganizationIdAsync(db, cancellationToken);
        if (organizationId is null)
            return meetings.Where(_ => false);
        return meetings.Where(m => m.DeletedAt == null
            && m.ApprovedVersions.Any()
            && m.Attendees.Any(a => a.OrganizationId == organizationId));
    }

    public async Task<bool> CanSeeAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken = default) =>
        await (await VisibleAsync(db, cancellationToken: cancellationToken)).AnyAsync(m => m.Id == meetingId, cancellationToken);
}
