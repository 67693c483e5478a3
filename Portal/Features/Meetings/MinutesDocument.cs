using System.Text.Json;
using Portal.Data;
using Portal.Features.People;

namespace Portal.Features.Meetings;

/// <summary>
/// Everything the minutes of a meeting say, in both languages, detached from the database: what an approval freezes,
/// what the minutes view shows and what the PDF prints. Names are resolved as they stood on the day of approval.
/// </summary>
public sealed record MinutesDocument(
    int MeetingId,
    int Version,
    MinutesStatus Status,
    MeetingKind Kind,
    string TitleTh,
    string TitleEn,
    int? Number,
    DateOnly Date,
    TimeOnly StartTime,
    TimeOnly? EndTime,
    BilingualName Venue,
    BilingualName Host,
    IReadOnlyList<BilingualName> CoHosts,
    string? ObjectivesTh,
    string? ObjectivesEn,
    IReadOnlyList<MinutesAttendee> Attendees,
    IReadOnlyList<MinutesAgendaItem> AgendaItems,
    IReadOnlyList<MeetingReferenceRow> References,
    Signatory? Recorder = null,
    Signatory? Reviewer = null)
{
    public AttendanceTally Tally => AttendanceTally.Of(Attendees.Select(a => (a.Status, a.OrganizationKey)));

    /// <summary>ผู้มาประชุม: members present in person or through a stand-in.</summary>
    public IEnumerable<MinutesAttendee> Present => Attendees.Where(a => AttendanceTally.Counts(a.Status) && a.Role != AttendeeRole.Observer);

    /// <summary>ผู้ไม่มาประชุม: members absent or excused, with their reasons.</summary>
    public IEnumerable<MinutesAttendee> Absent => Attendees.Where(a => !AttendanceTally.Counts(a.Status));

    /// <summary>ผู้เข้าร่วมประชุม: those who attended without being members of the meeting.</summary>
    public IEnumerable<MinutesAttendee> InAttendance => Attendees.Where(a => AttendanceTally.Counts(a.Status) && a.Role == AttendeeRole.Observer);

    public string Title(bool thai) => thai || string.IsNullOrWhiteSpace(TitleEn) ? TitleTh : TitleEn;

    public string ToJson() => JsonSerializer.Serialize(this, AuditJson.Options);

    public static MinutesDocument FromJson(string json) => JsonSerializer.Deserialize<MinutesDocument>(json, AuditJson.Options)
        ?? throw new InvalidDataException("Empty minutes document.");

    /// <param name="submitter">Who sent the minutes for review: the recorder when no attendee is listed as secretary.</param>
    /// <param name="reviewer">Who approved them (ผู้ตรวจรายงานการประชุม); none until they are approved.</param>
    public static MinutesDocument From(Meeting meeting, Signatory? submitter = null, Signatory? reviewer = null) => new(
        meeting.Id,
        meeting.MinutesVersion,
        meeting.MinutesStatus,
        meeting.Kind,
        meeting.TitleTh,
        meeting.TitleEn,
        meeting.Number,
        meeting.Date,
        meeting.StartTime,
        meeting.EndTime,
        new BilingualName(meeting.Venue(thai: true), meeting.Venue(thai: false)),
        BilingualName.Of(meeting.HostOrganization),
        meeting.CoHosts.Select(c => BilingualName.Of(c.Organization)).ToList(),
        meeting.ObjectivesTh,
        meeting.ObjectivesEn,
        meeting.Attendees.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(MinutesAttendee.From).ToList(),
        meeting.AgendaItems.OrderBy(i => i.Position).Select(MinutesAgendaItem.From).ToList(),
        meeting.References.OrderBy(r => r.Id).Select(MeetingReferenceRow.From).ToList(),
        meeting.Attendees.Where(a => a.Role == AttendeeRole.Secretary).OrderBy(a => a.Id)
            .Select(a => new Signatory(a.Person is null ? new BilingualName("", "") : BilingualName.Of(a.Person), a.PositionTh, a.PositionEn))
            .FirstOrDefault() ?? submitter,
        reviewer);
}

/// <summary>A name on a signature line of the minutes, with the position printed under it.</summary>
public sealed record Signatory(BilingualName Name, string? PositionTh, string? PositionEn)
{
    public string? Position(bool thai) => thai ? PositionTh ?? PositionEn : PositionEn ?? PositionTh;
}

public sealed record BilingualName(string Th, string En)
{
    public string Get(bool thai) => thai || string.IsNullOrWhiteSpace(En) ? Th : En;

    public override string ToString() => Get(Localization.PortalCultures.IsThai());

    public static BilingualName Of(Organizations.Organization? organization) =>
        organization is null ? new BilingualName("", "") : new BilingualName(organization.NameTh, organization.NameEn);

    /// <summary>A person's full name with honorific in each language, as <see cref="PersonNames"/> writes it.</summary>
    public static BilingualName Of(Person person) => new(PersonNames.Full(person, thai: true), PersonNames.Full(person, thai: false));
}

public sealed record MinutesAttendee(
    int PersonId,
    BilingualName Name,
    BilingualName Organization,
    int? OrganizationId,
    string? PositionTh,
    string? PositionEn,
    AttendeeRole Role,
    AttendanceStatus Status,
    string? OnBehalfOf,
    string? AbsenceReason,
    BilingualName? OnBehalfOfPerson = null,
    string? AbsenceReasonEn = null)
{
    /// <summary>What makes two attendees "the same organization" in the tally; people without one count alone.</summary>
    public string OrganizationKey => AttendanceTally.OrganizationKey(OrganizationId, PersonId);

    public string? Position(bool thai) => thai ? PositionTh ?? PositionEn : PositionEn ?? PositionTh;

    /// <summary>The person represented, by name in the reader's language; what was typed when no one was picked.</summary>
    public string? Represented(bool thai) => OnBehalfOfPerson?.Get(thai) ?? OnBehalfOf;

    public string? Reason(bool thai) => thai ? AbsenceReason ?? AbsenceReasonEn : AbsenceReasonEn ?? AbsenceReason;

    public static MinutesAttendee From(Attendee a) => new(
        a.PersonId,
        a.Person is null ? new BilingualName("", "") : BilingualName.Of(a.Person),
        BilingualName.Of(a.Organization),
        a.OrganizationId,
        a.PositionTh,
        a.PositionEn,
        a.Role,
        a.Status,
        a.OnBehalfOf,
        a.AbsenceReason,
        a.OnBehalfOfPerson is null ? null : BilingualName.Of(a.OnBehalfOfPerson),
        a.AbsenceReasonEn);
}

public sealed record MinutesAgendaItem(
    int Position,
    bool ConfirmsPreviousMinutes,
    string TopicTh,
    string TopicEn,
    BilingualName? Presenter,
    string? DiscussionTh,
    string? DiscussionEn,
    string? ResolutionTh,
    string? ResolutionEn)
{
    public string Topic(bool thai) => thai || string.IsNullOrWhiteSpace(TopicEn) ? TopicTh : TopicEn;
    public string? Discussion(bool thai) => thai ? DiscussionTh : DiscussionEn;
    public string? Resolution(bool thai) => thai ? ResolutionTh : ResolutionEn;

    public static MinutesAgendaItem From(AgendaItem i) => new(
        i.Position, i.ConfirmsPreviousMinutes, i.TopicTh, i.TopicEn,
        i.Presenter is null ? null : BilingualName.Of(i.Presenter),
        i.DiscussionTh, i.DiscussionEn, i.ResolutionTh, i.ResolutionEn);
}

public sealed record MeetingReferenceRow(int Id, string Title, string? Publisher, string? Url)
{
    public static MeetingReferenceRow From(MeetingReference r) => new(r.Id, r.Title, r.Publisher, r.Url);
}

/// <summary>Who came: "19 คน จาก 19 หน่วยงาน". Those present in person or on someone's behalf count; absentees do not.</summary>
public sealed record AttendanceTally(int People, int Organizations)
{
    public static bool Counts(AttendanceStatus status) => status is AttendanceStatus.Present or AttendanceStatus.OnBehalf;

    public static string OrganizationKey(int? organizationId, int personId) => organizationId?.ToString(CultureInfo.InvariantCulture) ?? $"person:{personId}";

    public static AttendanceTally Of(IEnumerable<Attendee> attendees) =>
        Of(attendees.Select(a => (a.Status, OrganizationKey(a.OrganizationId, a.PersonId))));

    public static AttendanceTally Of(IEnumerable<(AttendanceStatus Status, string OrganizationKey)> attendees)
    {
        var present = attendees.Where(a => Counts(a.Status)).ToList();
        return new AttendanceTally(present.Count, present.Select(a => a.OrganizationKey).Distinct().Count());
    }
}
