using System.Text.Json;
using Portal.Data;
using Portal.Features.People;

using Portal.Features.Meetings;
using Portal.Localization;

namespace Portal.Features.Minutes;

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
    Bilingual Venue,
    Bilingual Host,
    IReadOnlyList<Bilingual> CoHosts,
    string? ObjectivesTh,
    string? ObjectivesEn,
    IReadOnlyList<MinutesAttendee> Attendees,
    IReadOnlyList<MinutesAgendaItem> AgendaItems,
    IReadOnlyList<MeetingReferenceRow> References,
    Signatory? Recorder = null,
    Signatory? Reviewer = null,
    Bilingual? Series = null,
    IReadOnlyList<CarryForward.CarriedItem>? CarriedItems = null)
{
    public AttendanceTally Tally => AttendanceTally.Of(Attendees.Select(a => (a.Status, a.OrganizationKey)));

    /// <summary>ผู้มาประชุม: members present in person or through a stand-in.</summary>
    public IEnumerable<MinutesAttendee> Present => Attendees.Where(a => AttendanceTally.Counts(a.Status) && a.Role != AttendeeRole.Observer);

    /// <summary>ผู้ไม่มาประชุม: members absent or excused, with their reasons.</summary>
    public IEnumerable<MinutesAttendee> Absent => Attendees.Where(a => !AttendanceTally.Counts(a.Status));

    /// <summary>ผู้เข้าร่วมประชุม: those who attended without being members of the meeting.</summary>
    public IEnumerable<MinutesAttendee> InAttendance => Attendees.Where(a => AttendanceTally.Counts(a.Status) && a.Role == AttendeeRole.Observer);

    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);

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
        new Bilingual(meeting.Venue(thai: true), meeting.Venue(thai: false)),
        meeting.HostOrganization?.Name ?? Bilingual.Empty,
        meeting.CoHosts.Select(c => c.Organization?.Name ?? Bilingual.Empty).ToList(),
        meeting.ObjectivesTh,
        meeting.ObjectivesEn,
        meeting.Attendees.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(MinutesAttendee.From).ToList(),
        meeting.AgendaItems.OrderBy(i => i.Position).Select(MinutesAgendaItem.From).ToList(),
        meeting.References.OrderBy(r => r.Id).Select(MeetingReferenceRow.From).ToList(),
        meeting.Attendees.Where(a => a.Role == AttendeeRole.Secretary).OrderBy(a => a.Id)
            .Select(a => new Signatory(a.Person is null ? Bilingual.Empty : PersonNames.Bilingual(a.Person), a.PositionTh, a.PositionEn))
            .FirstOrDefault() ?? submitter,
        reviewer,
        meeting.Series?.Name);
}

/// <summary>A name on a signature line of the minutes, with the position printed under it.</summary>
public sealed record Signatory(Bilingual Name, string? PositionTh, string? PositionEn)
{
    public string? Position(bool thai) => new Bilingual(PositionTh, PositionEn).InOrNull(thai);
}

public sealed record MinutesAttendee(
    int PersonId,
    Bilingual Name,
    Bilingual Organization,
    int? OrganizationId,
    string? PositionTh,
    string? PositionEn,
    AttendeeRole Role,
    AttendanceStatus Status,
    string? OnBehalfOf,
    string? AbsenceReason,
    Bilingual? OnBehalfOfPerson = null,
    string? AbsenceReasonEn = null)
{
    /// <summary>What makes two attendees "the same organization" in the tally; people without one count alone.</summary>
    public string OrganizationKey => AttendanceTally.OrganizationKey(OrganizationId, PersonId);

    public string? Position(bool thai) => new Bilingual(PositionTh, PositionEn).InOrNull(thai);

    /// <summary>The person represented, by name in the reader's language; what was typed when no one was picked.</summary>
    public string? Represented(bool thai) => OnBehalfOfPerson?.In(thai) ?? OnBehalfOf;

    public string? Reason(bool thai) => new Bilingual(AbsenceReason, AbsenceReasonEn).InOrNull(thai);

    public static MinutesAttendee From(Attendee a) => new(
        a.PersonId,
        a.Person is null ? Bilingual.Empty : PersonNames.Bilingual(a.Person),
        a.Organization?.Name ?? Bilingual.Empty,
        a.OrganizationId,
        a.PositionTh,
        a.PositionEn,
        a.Role,
        a.Status,
        a.OnBehalfOf,
        a.AbsenceReason,
        a.OnBehalfOfPerson is null ? null : PersonNames.Bilingual(a.OnBehalfOfPerson),
        a.AbsenceReasonEn);
}

public sealed record MinutesAgendaItem(
    int Position,
    bool ConfirmsPreviousMinutes,
    string TopicTh,
    string TopicEn,
    Bilingual? Presenter,
    string? DiscussionTh,
    string? DiscussionEn,
    string? ResolutionTh,
    string? ResolutionEn,
    bool MattersArising = false,
    CarryForward.MinutesConfirmation? Confirmation = null,
    string? CorrectionsTh = null,
    string? CorrectionsEn = null)
{
    public string Topic(bool thai) => new Bilingual(TopicTh, TopicEn).In(thai);
    public string? Discussion(bool thai) => new Bilingual(DiscussionTh, DiscussionEn).Only(thai);
    public string? Resolution(bool thai) => new Bilingual(ResolutionTh, ResolutionEn).Only(thai);

    public static MinutesAgendaItem From(AgendaItem i) => new(
        i.Position, i.ConfirmsPreviousMinutes, i.TopicTh, i.TopicEn,
        i.Presenter is null ? null : PersonNames.Bilingual(i.Presenter),
        i.DiscussionTh, i.DiscussionEn, i.ResolutionTh, i.ResolutionEn, i.MattersArising,
        i.ConfirmsPreviousMinutes ? i.Confirmation : null, i.CorrectionsTh, i.CorrectionsEn);
}
