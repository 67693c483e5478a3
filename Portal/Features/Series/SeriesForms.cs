using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.Series;

/// <summary>What the series editor edits.</summary>
public sealed record SeriesForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    [RefersTo<Organization>] public int? HostOrganizationId { get; set; }

    public static SeriesForm From(MeetingSeries s) => new()
    {
        Version = s.Version, NameTh = s.NameTh, NameEn = s.NameEn, HostOrganizationId = s.HostOrganizationId,
    };

    public void ApplyTo(MeetingSeries s)
    {
        s.NameTh = NameTh.Trim();
        s.NameEn = NameEn.Trim();
        s.HostOrganizationId = HostOrganizationId;
    }
}

/// <summary>A line of the series list and an entry of the meeting editor's series picker.</summary>
public sealed record SeriesRow(int Id, string NameTh, string NameEn, string? HostAcronym, string? HostNameTh, string? HostNameEn,
    int Meetings, DateOnly? LastDate, int? HostOrganizationId = null)
{
    public string Name(bool thai) => new Bilingual(NameTh, NameEn).In(thai);
    public string OtherName(bool thai) => thai ? NameEn : NameTh;
    public string Host(bool thai) => HostAcronym ?? new Bilingual(HostNameTh, HostNameEn).In(thai);
}

/// <summary>A series and its meetings in order, oldest first.</summary>
public sealed record SeriesDetail(MeetingSeries Series, IReadOnlyList<MeetingRow> Meetings);

/// <summary>What a new meeting of a series takes by default: the next number of its year and the meeting it follows.</summary>
public sealed record SeriesSuggestion(int Number, int? PreviousMeetingId);

/// <summary>What a new meeting starts from, chosen on the new-meeting page.</summary>
public enum MeetingStart
{
    /// <summary>The standard Thai agenda: ระเบียบวาระที่ 1–5, in both languages.</summary>
    StandardAgenda,
    /// <summary>The previous meeting's agenda topics and its attendees as the people expected.</summary>
    CopyOfPrevious,
    Blank,
}
