using Portal.Auth;
using Portal.Validation;
using Portal.Data;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Localization;
using Portal.Features.Meetings;

namespace Portal.Features.Minutes;

/// <summary>
/// An approved version of a meeting's minutes, frozen: never updated or deleted (the data context refuses). Besides the
/// document it keeps, as columns, the particulars that partners' lists, search and calendars ask about, and the
/// organizations it lists as attending: what a partner sees is decided by the approved record, never by a draft.
/// </summary>
[Audited, AppendOnly(ApprovedMinutes.NeverChanged)]
public class ApprovedMinutes : IMeetingParticulars
{
    internal const string NeverChanged = "Approved minutes are a record of what was approved; they are never changed or removed.";

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Version { get; set; }
    /// <summary>The <see cref="MinutesDocument"/> as approved, in JSON.</summary>
    [MultiLine] public string Document { get; set; } = "";
    public DateTime ApprovedAt { get; set; }
    public string? ApprovedById { get; set; }
    public string ApprovedByName { get; set; } = "";
    [MultiLine] public string? CorrectionReason { get; set; }

    // Copied from the document as it is frozen, so that the database can filter, sort and search approved versions.
    public MeetingKind Kind { get; set; }
    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public int? Number { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string VenueTh { get; set; } = "";
    public string VenueEn { get; set; } = "";
    public string HostNameTh { get; set; } = "";
    public string HostNameEn { get; set; } = "";
    /// <summary>
    /// Title, venue, objectives and host and co-host names as approved, in <see cref="SearchTextBuilder"/>'s form. Kept as
    /// built, line breaks of the objectives included, so that it is the same whether written at approval or by the
    /// migration that filled it for versions approved before.
    /// </summary>
    [MultiLine] public string SearchText { get; set; } = "";
    public List<ApprovedMinutesOrganization> AttendingOrganizations { get; set; } = [];

    /// <summary>The record of <paramref name="document"/> approved as <paramref name="version"/>, every column taken from the document itself.</summary>
    public static ApprovedMinutes Freeze(MinutesDocument document, int version, DateTime approvedAt, AuditActor approver, string? correctionReason) => new()
    {
        MeetingId = document.MeetingId,
        Version = version,
        Document = document.ToJson(),
        ApprovedAt = approvedAt,
        ApprovedById = approver.UserId,
        ApprovedByName = approver.Name,
        CorrectionReason = correctionReason,
        Kind = document.Kind,
        TitleTh = document.TitleTh,
        TitleEn = document.TitleEn,
        Number = document.Number,
        Date = document.Date,
        StartTime = document.StartTime,
        EndTime = document.EndTime,
        VenueTh = document.Venue.Th,
        VenueEn = document.Venue.En,
        HostNameTh = document.Host.Th,
        HostNameEn = document.Host.En,
        SearchText = SearchTextBuilder.Build(
            [document.TitleTh, document.TitleEn, document.Venue.Th, document.Venue.En, document.ObjectivesTh, document.ObjectivesEn,
             document.Host.Th, document.Host.En, .. document.CoHosts.SelectMany(c => new[] { c.Th, c.En })]),
        AttendingOrganizations = document.Attendees
            .Where(a => AttendanceTally.Counts(a.Status) && a.OrganizationId is not null)
            .Select(a => a.OrganizationId!.Value).Distinct()
            .Select(organizationId => new ApprovedMinutesOrganization { OrganizationId = organizationId }).ToList(),
    };
}

/// <summary>An organization an approved version lists as attending (present, or through a stand-in); frozen with its version.</summary>
[Audited, AppendOnly(ApprovedMinutes.NeverChanged)]
public class ApprovedMinutesOrganization
{
    public int ApprovedMinutesId { get; set; }
    public int OrganizationId { get; set; }
}
