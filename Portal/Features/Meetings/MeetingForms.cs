using Portal.Data;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;
using Portal.Localization;
using Portal.Features.Series;

namespace Portal.Features.Meetings;

/// <summary>What the meeting editor edits: the heading of the minutes.</summary>
public sealed record MeetingForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }

    public MeetingKind Kind { get; set; }
    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    [RefersTo<MeetingSeries>] public int? SeriesId { get; set; }
    public int? Number { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? StartTime { get; set; }
    public TimeSpan? EndTime { get; set; }
    public string? RoomTh { get; set; }
    public string? RoomEn { get; set; }
    public string? BuildingTh { get; set; }
    public string? BuildingEn { get; set; }
    [RefersTo<Organization>] public int? HostOrganizationId { get; set; }
    [RefersTo<Organization>] public IReadOnlyCollection<int> CoHostOrganizationIds { get; set; } = [];
    [RefersTo<Meeting>] public int? PreviousMeetingId { get; set; }
    public string? ObjectivesTh { get; set; }
    public string? ObjectivesEn { get; set; }

    public static MeetingForm From(Meeting m) => new()
    {
        Version = m.Version,
        Kind = m.Kind, TitleTh = m.TitleTh, TitleEn = m.TitleEn, SeriesId = m.SeriesId, Number = m.Number,
        Date = m.Date.ToDateTime(TimeOnly.MinValue), StartTime = m.StartTime.ToTimeSpan(), EndTime = m.EndTime?.ToTimeSpan(),
        RoomTh = m.RoomTh, RoomEn = m.RoomEn, BuildingTh = m.BuildingTh, BuildingEn = m.BuildingEn,
        HostOrganizationId = m.HostOrganizationId, CoHostOrganizationIds = m.CoHosts.Select(c => c.OrganizationId).ToList(),
        PreviousMeetingId = m.PreviousMeetingId, ObjectivesTh = m.ObjectivesTh, ObjectivesEn = m.ObjectivesEn,
    };

    public void ApplyTo(Meeting m)
    {
        m.Kind = Kind;
        m.TitleTh = TitleTh.Trim();
        m.TitleEn = TitleEn.Trim();
        m.SeriesId = SeriesId;
        m.Number = Number;
        m.Date = DateOnly.FromDateTime(Date!.Value);
        m.StartTime = TimeOnly.FromTimeSpan(StartTime!.Value);
        m.EndTime = EndTime is { } end ? TimeOnly.FromTimeSpan(end) : null;
        m.RoomTh = Input.Blank(RoomTh);
        m.RoomEn = Input.Blank(RoomEn);
        m.BuildingTh = Input.Blank(BuildingTh);
        m.BuildingEn = Input.Blank(BuildingEn);
        m.HostOrganizationId = HostOrganizationId;
        m.PreviousMeetingId = PreviousMeetingId;
        m.ObjectivesTh = Input.Blank(ObjectivesTh);
        m.ObjectivesEn = Input.Blank(ObjectivesEn);
    }
}

public sealed record AgendaItemForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }

    public string TopicTh { get; set; } = "";
    public string TopicEn { get; set; } = "";
    [RefersTo<Person>] public int? PresenterId { get; set; }
    public string? DiscussionTh { get; set; }
    public string? DiscussionEn { get; set; }
    public string? ResolutionTh { get; set; }
    public string? ResolutionEn { get; set; }

    public static AgendaItemForm From(AgendaItem i) => new()
    {
        Version = i.Version,
        TopicTh = i.TopicTh, TopicEn = i.TopicEn, PresenterId = i.PresenterId, DiscussionTh = i.DiscussionTh,
        DiscussionEn = i.DiscussionEn, ResolutionTh = i.ResolutionTh, ResolutionEn = i.ResolutionEn,
    };

    public void ApplyTo(AgendaItem i)
    {
        i.TopicTh = TopicTh.Trim();
        i.TopicEn = TopicEn.Trim();
        i.PresenterId = PresenterId;
        i.DiscussionTh = Input.Blank(DiscussionTh);
        i.DiscussionEn = Input.Blank(DiscussionEn);
        i.ResolutionTh = Input.Blank(ResolutionTh);
        i.ResolutionEn = Input.Blank(ResolutionEn);
    }
}

public sealed record AttendeeForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }

    [RefersTo<Person>] public int? PersonId { get; set; }
    [RefersTo<Organization>] public int? OrganizationId { get; set; }
    public string? PositionTh { get; set; }
    public string? PositionEn { get; set; }
    public AttendeeRole Role { get; set; } = AttendeeRole.Participant;
    public AttendanceStatus Status { get; set; }
    /// <summary>The person represented, picked from the register.</summary>
    [RefersTo<Person>] public int? OnBehalfOfPersonId { get; set; }
    /// <summary>Whom the attendee represented when that person is not in the register; the fallback.</summary>
    public string? OnBehalfOf { get; set; }
    public string? AbsenceReason { get; set; }
    public string? AbsenceReasonEn { get; set; }

    public static AttendeeForm From(Attendee a) => new()
    {
        Version = a.Version,
        PersonId = a.PersonId, OrganizationId = a.OrganizationId, PositionTh = a.PositionTh, PositionEn = a.PositionEn,
        Role = a.Role, Status = a.Status, OnBehalfOfPersonId = a.OnBehalfOfPersonId, OnBehalfOf = a.OnBehalfOf,
        AbsenceReason = a.AbsenceReason, AbsenceReasonEn = a.AbsenceReasonEn,
    };

    public void ApplyTo(Attendee a)
    {
        a.PersonId = PersonId!.Value;
        a.OrganizationId = OrganizationId;
        a.PositionTh = Input.Blank(PositionTh);
        a.PositionEn = Input.Blank(PositionEn);
        a.Role = Role;
        a.Status = Status;
        // A stand-in's principal and an absentee's reason mean nothing for other statuses; keep the record clean.
        var absent = Status is AttendanceStatus.Absent or AttendanceStatus.Excused;
        a.OnBehalfOfPersonId = Status == AttendanceStatus.OnBehalf ? OnBehalfOfPersonId : null;
        // The typed name is a fallback: once the person represented is picked, it has nothing left to say.
        a.OnBehalfOf = Status == AttendanceStatus.OnBehalf && OnBehalfOfPersonId is null ? Input.Blank(OnBehalfOf) : null;
        a.AbsenceReason = absent ? Input.Blank(AbsenceReason) : null;
        a.AbsenceReasonEn = absent ? Input.Blank(AbsenceReasonEn) : null;
    }
}

public sealed record ReferenceForm
{
    public string Title { get; set; } = "";
    public string? Publisher { get; set; }
    public string? Url { get; set; }
}

public sealed record RelatedActivityForm
{
    public int? RelatedMeetingId { get; set; }
    public string? DescriptionTh { get; set; }
    public string? DescriptionEn { get; set; }
}

/// <summary>A line of the meetings list and calendar.</summary>
public sealed record MeetingRow(
    int Id, MeetingKind Kind, string TitleTh, string TitleEn, int? Number, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime,
    string? HostAcronym, string? HostNameTh, string? HostNameEn, MinutesStatus Status, bool IsDeleted,
    string? SeriesNameTh = null, string? SeriesNameEn = null)
{
    /// <summary>"ครั้งที่ 2/2569 · ชื่อชุดการประชุม": the number and the series, whichever the meeting has; null when neither.</summary>
    public string? NumberAndSeries(bool thai)
    {
        var parts = new[] { Number is { } n ? MeetingText.Number(n, Date, thai) : null, SeriesNameTh is null ? null : new Bilingual(SeriesNameTh, SeriesNameEn).In(thai) }
            .OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);
    public string OtherTitle(bool thai) => thai ? TitleEn : TitleTh;
    public string Host(bool thai) => HostAcronym ?? new Bilingual(HostNameTh, HostNameEn).In(thai);
}

/// <summary>The list's filters beyond the search box.</summary>
public sealed record MeetingFilter(MeetingKind? Kind = null, int? Year = null, MinutesStatus? Status = null, int? OrganizationId = null, int? PersonId = null)
{
    /// <summary>Users type the year as they think of it: 2567 (Buddhist Era) or 2024, by the rule of typed dates; a year that
    /// is neither is 0, which matches nothing.</summary>
    public static int ToGregorianYear(int year) => Localization.TypedDates.GregorianYear(year, Localization.TypedDates.CurrentYear) ?? 0;
}

public sealed record MeetingReferenceRow(int Id, string Title, string? Publisher, string? Url)
{
    public static MeetingReferenceRow From(MeetingReference r) => new(r.Id, r.Title, r.Publisher, r.Url);
}
