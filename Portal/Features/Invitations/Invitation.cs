using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Features.Invitations;

/// <summary>
/// One invitee of a meeting: a person (a contact of the organization) or, when <see cref="PersonId"/> is empty, the
/// organization itself, whose letter goes to its head by position. Letters are one per <see cref="OrganizationId"/>.
/// </summary>
[Audited]
public class Invitation : IVersioned, ISoftDeletable
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }

    public InvitationStatus Status { get; set; }

    /// <summary>Whom the invitee sends instead (ผู้แทน): name, position and how to reach them.</summary>
    public string? RepresentativeName { get; set; }
    public string? RepresentativePosition { get; set; }
    public string? RepresentativeContact { get; set; }
    public string? DeclineReason { get; set; }

    /// <summary>
    /// The secret part of the invitee's personal answer link; the link is also signed and expires after the meeting.
    /// A new key withdraws a link that went to the wrong person.
    /// </summary>
    public string AnswerKey { get; set; } = "";
    public DateTime? SentAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? DeletedAt { get; set; }
}

public enum InvitationStatus
{
    Invited,
    Attending,
    Representative,
    Declined,
    NoAnswer,
}
