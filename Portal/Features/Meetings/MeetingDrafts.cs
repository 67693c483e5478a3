using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Validation;
using Portal.Features.Minutes;

namespace Portal.Features.Meetings;

/// <summary>The one door to changing what the minutes say: an editor, a live meeting, and minutes still in draft.</summary>
internal static class MeetingDrafts
{
    public static async Task<(Meeting? Meeting, FieldErrors Errors)> OpenAsync(
        PortalDbContext db, CurrentUser currentUser, int meetingId, CancellationToken cancellationToken)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
            errors.Add("", "Validation.NotFound");
        else if (!MinutesWorkflow.CanEditContent(meeting.MinutesStatus))
            errors.Add("", "Minutes.Locked");
        return (errors.IsValid ? meeting : null, errors);
    }
}
