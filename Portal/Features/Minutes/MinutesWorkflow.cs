using Portal.Auth;

using Portal.Features.Meetings;

namespace Portal.Features.Minutes;

/// <summary>
/// The rules of the minutes: staff write a draft and send it for review; a coordinator approves it or sends it back;
/// approved minutes are frozen, and a correction opens the next version as a new draft.
/// </summary>
public static class MinutesWorkflow
{
    public static bool CanEditContent(MinutesStatus status) => status == MinutesStatus.Draft;

    public static IReadOnlyList<string> RolesFor(MinutesTransition transition) => transition switch
    {
        MinutesTransition.SubmitForReview => [Roles.Admin, Roles.Staff, Roles.Coordinator],
        MinutesTransition.ReturnToDraft => [Roles.Admin, Roles.Coordinator],
        MinutesTransition.Approve => [Roles.Admin, Roles.Coordinator],
        MinutesTransition.StartCorrection => [Roles.Admin, Roles.Staff, Roles.Coordinator],
        _ => [],
    };

    /// <summary>Sending minutes back and reopening approved ones both say why, in words the other side reads.</summary>
    public static bool NeedsReason(MinutesTransition transition) =>
        transition is MinutesTransition.ReturnToDraft or MinutesTransition.StartCorrection;

    public static MinutesStatus? From(MinutesTransition transition) => transition switch
    {
        MinutesTransition.SubmitForReview => MinutesStatus.Draft,
        MinutesTransition.ReturnToDraft => MinutesStatus.InReview,
        MinutesTransition.Approve => MinutesStatus.InReview,
        MinutesTransition.StartCorrection => MinutesStatus.Approved,
        _ => null,
    };

    public static MinutesStatus To(MinutesTransition transition) => transition switch
    {
        MinutesTransition.SubmitForReview => MinutesStatus.InReview,
        MinutesTransition.Approve => MinutesStatus.Approved,
        _ => MinutesStatus.Draft,
    };

    public static bool IsAllowed(MinutesStatus status, MinutesTransition transition, Func<string, bool> isInRole) =>
        From(transition) == status && RolesFor(transition).Any(isInRole);

    /// <summary>The transitions a user may take from here, in the order the page offers them.</summary>
    public static IReadOnlyList<MinutesTransition> Available(MinutesStatus status, Func<string, bool> isInRole) =>
        Enum.GetValues<MinutesTransition>().Where(t => IsAllowed(status, t, isInRole)).ToList();
}

public enum MinutesTransition
{
    SubmitForReview,
    Approve,
    ReturnToDraft,
    StartCorrection,
}
