using Portal.Data;
using Portal.Features.Organizations;
using Portal.Localization;

namespace Portal.Features.Series;

/// <summary>
/// Meetings that continue one another: a working group or a recurring partnership meeting. Its meetings are numbered
/// ครั้งที่ N/ปี within each year of their dates, and each new one confirms the minutes of the one before.
/// </summary>
[Audited]
public class MeetingSeries : IVersioned, ISoftDeletable, INamedRecord
{
    public int Version { get; set; }
    public int Id { get; set; }
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>Always set by the editor; nullable in the schema so that a series whose host was later deleted still lists.</summary>
    public int? HostOrganizationId { get; set; }
    public Organization? HostOrganization { get; set; }

    public DateTime? DeletedAt { get; set; }

    /// <summary>The name in both languages; not a column.</summary>
    public Bilingual Name => new(NameTh, NameEn);

    string INamedRecord.ReferenceName(bool thai) => Name.In(thai);
}
