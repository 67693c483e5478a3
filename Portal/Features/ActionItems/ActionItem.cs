using Portal.Validation;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Localization;

namespace Portal.Features.ActionItems;

/// <summary>A commitment made at a meeting: who owes what, by when.</summary>
[Audited]
public class ActionItem : ISoftDeletable, ISearchable, IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    [MultiLine] public string? DescriptionTh { get; set; }
    [MultiLine] public string? DescriptionEn { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public List<ActionItemOwner> Owners { get; set; } = [];
    public int? AssigneeId { get; set; }
    public Person? Assignee { get; set; }
    /// <summary>A Bangkok calendar date: an item is due by the end of that day in Thailand.</summary>
    public DateOnly? DueDate { get; set; }
    public ActionPriority Priority { get; set; } = ActionPriority.Normal;
    public ActionStatus Status { get; set; }
    public List<ActionItemUpdate> Updates { get; set; } = [];
    /// <summary>The item this one follows up, raised from the matters arising of a later meeting (Features/CarryForward).</summary>
    public int? FollowsActionItemId { get; set; }

    public DateTime? DeletedAt { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() => SearchTextBuilder.Build(TitleTh, TitleEn, DescriptionTh, DescriptionEn);

    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);
}

[Audited]
public class ActionItemOwner
{
    public int ActionItemId { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}

/// <summary>One entry of an item's timeline: what the author reported, and the status it moved to.</summary>
[Audited]
public class ActionItemUpdate
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }
    [MultiLine] public string Text { get; set; } = "";
    public ActionStatus? StatusFrom { get; set; }
    public ActionStatus? StatusTo { get; set; }
    public string AuthorName { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public DateTime At { get; set; }
    public string? AttachmentFileName { get; set; }
    public string? AttachmentStoredName { get; set; }
    public string? AttachmentContentType { get; set; }
    public long? AttachmentSize { get; set; }
}

public enum ActionPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum ActionStatus
{
    Open,
    InProgress,
    Blocked,
    Done,
    Cancelled,
}

/// <summary>When an item is due, in Bangkok dates whatever the server's time zone.</summary>
public static class ActionDue
{
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Localization.ThaiDates.Bangkok).DateTime);

    /// <summary>The statuses of an item still to be done; as an array, so database queries can use it too.</summary>
    public static readonly ActionStatus[] ActiveStatuses = [ActionStatus.Open, ActionStatus.InProgress, ActionStatus.Blocked];

    public static bool IsActive(ActionStatus status) => ActiveStatuses.Contains(status);

    /// <summary>Past its due date and still not done or cancelled. Due today is not yet overdue.</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly? due, DateOnly today) => IsActive(status) && due < today;

    /// <summary>Due today or within the next <paramref name="days"/> days, and still to do.</summary>
    public static bool IsDueWithin(ActionStatus status, DateOnly? due, DateOnly today, int days) =>
        IsActive(status) && due >= today && due <= today.AddDays(days);
}
