using Portal.Data;
using Portal.Validation;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;

namespace Portal.Features.CarryForward;

/// <summary>
/// What a meeting said about an action item carried into its เรื่องสืบเนื่อง (matters arising), in both languages. One per
/// item per meeting; part of the minutes, so it changes only while they are a draft.
/// </summary>
[Audited]
public class CarriedItemNote : IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int ActionItemId { get; set; }
    public ActionItem? ActionItem { get; set; }
    [MultiLine] public string? NoteTh { get; set; }
    [MultiLine] public string? NoteEn { get; set; }
}

/// <summary>What the meeting resolved on the minutes of the meeting before (ระเบียบวาระที่ 2).</summary>
public enum MinutesConfirmation
{
    /// <summary>รับรองโดยไม่มีการแก้ไข.</summary>
    WithoutCorrection,
    /// <summary>รับรองโดยมีการแก้ไข: the corrections are written with it, and open the previous minutes' next version.</summary>
    WithCorrections,
}
