using Portal.Auth;
using Portal.Validation;
using Portal.Data;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Features.Minutes;
using Portal.Localization;
using Portal.Features.Series;

namespace Portal.Features.Meetings;

[Audited]
public class Meeting : ISoftDeletable, ISearchable, IVersioned, IMeetingParticulars, INamedRecord
{
    public int Version { get; set; }
    public int Id { get; set; }
    public MeetingKind Kind { get; set; }
    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";

    /// <summary>The meeting's number within its year, printed as "ครั้งที่ 3/2567".</summary>
    public int? Number { get; set; }

    /// <summary>Date and times are Asia/Bangkok wall-clock values: minutes record the time the room saw.</summary>
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }

    public string? RoomTh { get; set; }
    public string? RoomEn { get; set; }
    public string? BuildingTh { get; set; }
    public string? BuildingEn { get; set; }

    /// <summary>Always set by the editor; nullable in the schema so that a meeting whose host was later deleted still lists.</summary>
    public int? HostOrganizationId { get; set; }
    public Organization? HostOrganization { get; set; }
    public List<MeetingCoHost> CoHosts { get; set; } = [];

    /// <summary>The series the meeting belongs to, within which <see cref="Number"/> counts.</summary>
    public int? SeriesId { get; set; }
    public MeetingSeries? Series { get; set; }

    /// <summary>The earlier meeting this one continues, whose minutes it confirms.</summary>
    public int? PreviousMeetingId { get; set; }
    public Meeting? PreviousMeeting { get; set; }

    [MultiLine] public string? ObjectivesTh { get; set; }
    [MultiLine] public string? ObjectivesEn { get; set; }

    public MinutesStatus MinutesStatus { get; set; }
    /// <summary>The version the current minutes will have when approved; 1 until a correction opens version 2.</summary>
    public int MinutesVersion { get; set; } = 1;
    [MultiLine] public string? CorrectionReason { get; set; }
    /// <summary>Some version was approved: the meeting is approved now, or a correction of an approved version is under way.
    /// Such a meeting is an official record and is not deleted.</summary>
    public bool HasApprovedMinutes => MinutesStatus == MinutesStatus.Approved || MinutesVersion > 1;
    /// <summary>Why a reviewer sent the minutes back for corrections; shown to staff until they send them for review again.</summary>
    [MultiLine] public string? ReturnReason { get; set; }
    /// <summary>The account that last sent the minutes for review: the recorder (ผู้จดรายงานการประชุม) when no secretary is listed.</summary>
    public string? SubmittedById { get; set; }

    /// <summary>How many days before the meeting invitees who have not answered are reminded, once; empty for no reminder.</summary>
    public int? InvitationReminderDays { get; set; }

    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<Attendee> Attendees { get; set; } = [];
    public List<MeetingReference> References { get; set; } = [];
    public List<MeetingTag> Tags { get; set; } = [];
    public List<RelatedActivity> RelatedActivities { get; set; } = [];
    public List<MeetingAttachment> Attachments { get; set; } = [];
    public List<ApprovedMinutes> ApprovedVersions { get; set; } = [];

    public DateTime? DeletedAt { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() =>
        SearchTextBuilder.Build(TitleTh, TitleEn, RoomTh, RoomEn, BuildingTh, BuildingEn, ObjectivesTh, ObjectivesEn);

    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);

    /// <summary>A meeting is known by its date and title: a series has many of the same name.</summary>
    string INamedRecord.ReferenceName(bool thai) => $"{ThaiDates.LongDate(Date)} · {Title(thai)}";

    /// <summary>"ห้องประชุมไอยรา, โรงแรมพูลแมน ขอนแก่น ราชา ออคิด"; English falls back to the Thai where no translation was typed.</summary>
    public string Venue(bool thai) => VenueOf(RoomTh, RoomEn, BuildingTh, BuildingEn, thai);

    public static string VenueOf(string? roomTh, string? roomEn, string? buildingTh, string? buildingEn, bool thai) => string.Join(", ",
        new[] { thai ? roomTh : roomEn ?? roomTh, thai ? buildingTh : buildingEn ?? buildingTh }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>What lists sort and filter meetings by, held alike by the live record and by each approved version.</summary>
public interface IMeetingParticulars
{
    MeetingKind Kind { get; }
    string TitleTh { get; }
    DateOnly Date { get; }
    TimeOnly StartTime { get; }
}

public enum MeetingKind
{
    Workshop,
    SiteVisit,
    Consultation,
    CourtesyVisit,
    Seminar,
}

public enum MinutesStatus
{
    Draft,
    InReview,
    Approved,
}

[Audited]
public class MeetingCoHost
{
    public int MeetingId { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}

/// <summary>One ระเบียบวาระ: its topic, who presented it, what was said and what was resolved, in both languages (Markdown).</summary>
[Audited]
public class AgendaItem : IVersioned, ISoftDeletable, INamedRecord
{
    public DateTime? DeletedAt { get; set; }
    public int Version { get; set; }
    public int Id { get; set; }
    public int MeetingId { get; set; }
    /// <summary>1-based position; the printed ระเบียบวาระที่ N.</summary>
    public int Position { get; set; }
    public bool ConfirmsPreviousMinutes { get; set; }
    public string TopicTh { get; set; } = "";
    public string TopicEn { get; set; } = "";
    public int? PresenterId { get; set; }
    public Person? Presenter { get; set; }
    [MultiLine] public string? DiscussionTh { get; set; }
    [MultiLine] public string? DiscussionEn { get; set; }
    [MultiLine] public string? ResolutionTh { get; set; }
    [MultiLine] public string? ResolutionEn { get; set; }
    /// <summary>เรื่องสืบเนื่อง: lists the open action items of the series' earlier meetings (Features/CarryForward).</summary>
    public bool MattersArising { get; set; }
    /// <summary>On the item confirming the previous minutes: what the meeting resolved on them, once recorded.</summary>
    public CarryForward.MinutesConfirmation? Confirmation { get; set; }
    /// <summary>The corrections made to the previous minutes (รับรองโดยมีการแก้ไข), in Thai and English.</summary>
    [MultiLine] public string? CorrectionsTh { get; set; }
    [MultiLine] public string? CorrectionsEn { get; set; }
    /// <summary>The version of the previous minutes these corrections opened, so that editing them again opens no other.</summary>
    public int? CorrectedVersion { get; set; }

    string INamedRecord.ReferenceName(bool thai) => new Bilingual(TopicTh, TopicEn).In(thai);
}

/// <summary>A person at a meeting, with the organization and position they held that day, kept if they later move.</summary>
[Audited]
public class Attendee : IVersioned, ISoftDeletable
{
    public DateTime? DeletedAt { get; set; }
    public int Version { get; set; }
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string? PositionTh { get; set; }
    public string? PositionEn { get; set; }
    public AttendeeRole Role { get; set; }
    public AttendanceStatus Status { get; set; }
    /// <summary>Whom the attendee stood in for (มาประชุมแทน): a person in the register when there is one.</summary>
    public int? OnBehalfOfPersonId { get; set; }
    public Person? OnBehalfOfPerson { get; set; }
    /// <summary>Whom the attendee stood in for, as typed, when the one represented is not in the register (e.g. "the Governor").</summary>
    public string? OnBehalfOf { get; set; }
    /// <summary>Why an absent or excused member did not come (ผู้ไม่มาประชุม … ติดราชการ), in Thai (or as typed before English could be given).</summary>
    public string? AbsenceReason { get; set; }
    public string? AbsenceReasonEn { get; set; }
    /// <summary>When the attendee signed in at the door (the check-in page); empty for attendance recorded by staff.</summary>
    public DateTime? CheckedInAt { get; set; }
}

public enum AttendeeRole
{
    Chair,
    Presenter,
    Participant,
    Secretary,
    Observer,
}

public enum AttendanceStatus
{
    Present,
    OnBehalf,
    Absent,
    Excused,
}

/// <summary>A document presented at the meeting, e.g. the World Bank's Thailand Economic Monitor.</summary>
[Audited]
public class MeetingReference : ISoftDeletable
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public string Title { get; set; } = "";
    public string? Publisher { get; set; }
    public string? Url { get; set; }
    public DateTime? DeletedAt { get; set; }
}

/// <summary>A tag on a meeting; a removed tag is hidden and comes back if the same tag is added again.</summary>
[Audited]
public class MeetingTag : ISoftDeletable
{
    public int MeetingId { get; set; }
    public string Name { get; set; } = "";
    public DateTime? DeletedAt { get; set; }
}

/// <summary>Another meeting or a project the meeting relates to.</summary>
[Audited]
public class RelatedActivity : ISoftDeletable
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? RelatedMeetingId { get; set; }
    public Meeting? RelatedMeeting { get; set; }
    public string? DescriptionTh { get; set; }
    public string? DescriptionEn { get; set; }
    public DateTime? DeletedAt { get; set; }
}

[Audited]
public class MeetingAttachment
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>The name on disk, chosen by the portal: a user's file name is never part of a path.</summary>
    public string StoredName { get; set; } = "";
    public string? Description { get; set; }
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}
