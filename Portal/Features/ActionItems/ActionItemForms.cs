using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;
using Portal.Localization;

namespace Portal.Features.ActionItems;

public sealed record ActionItemForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }

    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string? DescriptionTh { get; set; }
    public string? DescriptionEn { get; set; }
    [RefersTo<Meeting>] public int? MeetingId { get; set; }
    [RefersTo<AgendaItem>] public int? AgendaItemId { get; set; }
    [RefersTo<Organization>] public IReadOnlyCollection<int> OwnerOrganizationIds { get; set; } = [];
    [RefersTo<Person>] public int? AssigneeId { get; set; }
    public DateTime? DueDate { get; set; }
    public ActionPriority Priority { get; set; } = ActionPriority.Normal;
    public ActionStatus Status { get; set; }
    /// <summary>The item this one follows up (raised from a meeting's matters arising); kept as it was raised.</summary>
    public int? FollowsActionItemId { get; set; }

    public static ActionItemForm From(ActionItem i) => new()
    {
        Version = i.Version,
        TitleTh = i.TitleTh, TitleEn = i.TitleEn, DescriptionTh = i.DescriptionTh, DescriptionEn = i.DescriptionEn,
        MeetingId = i.MeetingId, AgendaItemId = i.AgendaItemId, OwnerOrganizationIds = i.Owners.Select(o => o.OrganizationId).ToList(),
        AssigneeId = i.AssigneeId, DueDate = i.DueDate?.ToDateTime(TimeOnly.MinValue), Priority = i.Priority, Status = i.Status,
        FollowsActionItemId = i.FollowsActionItemId,
    };

    public void ApplyTo(ActionItem i)
    {
        i.TitleTh = TitleTh.Trim();
        i.TitleEn = TitleEn.Trim();
        i.DescriptionTh = Input.Blank(DescriptionTh);
        i.DescriptionEn = Input.Blank(DescriptionEn);
        i.MeetingId = MeetingId;
        i.AgendaItemId = MeetingId is null ? null : AgendaItemId;
        i.AssigneeId = AssigneeId;
        i.DueDate = DueDate is { } due ? DateOnly.FromDateTime(due) : null;
        i.Priority = Priority;
        i.Status = Status;
        i.FollowsActionItemId = FollowsActionItemId;
    }
}

/// <summary>What a progress update says; a partner may post one on an item its organization owns.</summary>
public sealed record ActionUpdateForm
{
    public string Text { get; set; } = "";
    public ActionStatus? NewStatus { get; set; }
}

public sealed record ActionItemRow(
    int Id, string TitleTh, string TitleEn, DateOnly? DueDate, ActionPriority Priority, ActionStatus Status,
    int? MeetingId, string? MeetingTitleTh, string? MeetingTitleEn, Localization.Bilingual? Assignee, IReadOnlyList<string> Owners,
    string? LatestUpdate, DateTime? LatestUpdateAt, bool IsDeleted, IReadOnlyList<Bilingual> OwnerNames)
{
    /// <summary>The owners' full names, as official minutes print them; lists on screen show <see cref="Owners"/>' acronyms.</summary>
    public string OwnerFullNames(bool thai) => string.Join(", ", OwnerNames.Select(n => n.In(thai)));

    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);
    public string? MeetingTitle(bool thai) => new Bilingual(MeetingTitleTh, MeetingTitleEn).In(thai);
}

public sealed record ActionItemFilter(
    ActionStatus? Status = null, int? OrganizationId = null, int? AssigneeId = null, int? MeetingId = null,
    bool OverdueOnly = false, bool DueWithinWeek = false, bool ActiveOnly = false);

/// <summary>What the action-item editor opens with.</summary>
/// <param name="Follows">The item this one follows up, named on the form so the user knows before saving.</param>
public sealed record ActionItemEditorData(ActionItemForm Form, List<Organizations.OrganizationRow> Organizations, List<MeetingRow> Meetings,
    List<AgendaChoice> AgendaItems, People.PersonRow? Assignee, ActionItemService.LinkedItem? Follows = null);
