namespace Portal.Features.Notifications;

/// <summary>What a person is told of; each person chooses, per kind, how (<see cref="NotificationDelivery"/>).</summary>
public enum NotificationKind
{
    ActionAssigned,
    ActionDueDateChanged,
    ActionStatusChanged,
    ActionUpdatePosted,
    MinutesApproved,
}

public enum NotificationDelivery
{
    /// <summary>Listed in the portal and e-mailed at once.</summary>
    Immediate,
    /// <summary>Listed in the portal and e-mailed in the next morning's digest, with the action-item reminders.</summary>
    Digest,
    /// <summary>Not told at all.</summary>
    Off,
}

/// <summary>
/// One thing one account is told of, in the portal's list until read. Not audited: it is a copy of what the audit log
/// already records on the item or the minutes, addressed to someone.
/// </summary>
public class Notification
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public int? ActionItemId { get; set; }
    public int? MeetingId { get; set; }
    /// <summary>The record's title when it happened, in both languages.</summary>
    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    /// <summary>
    /// What changed, by kind: the new status (its name), the new due date (yyyy-MM-dd, empty when removed), the update's
    /// first words, the approved version's number.
    /// </summary>
    public string? Detail { get; set; }
    public string ActorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public NotificationDelivery Delivery { get; set; }
    /// <summary>When a digest notification was put into a day's digest e-mail; null while it waits for one.</summary>
    public DateTime? DigestedAt { get; set; }

    public string Link => ActionItemId is { } itemId ? $"action-items/{itemId}" : $"meetings/{MeetingId}";
}

/// <summary>A person's choice for one kind; a kind without a row is sent at once.</summary>
public class NotificationPreference
{
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public NotificationDelivery Delivery { get; set; }
}

/// <summary>
/// An e-mail waiting to be sent, or sent. A sender claims a row with one conditional UPDATE (only one of several instances
/// gets it), sends it, and marks it sent; a claim not marked sent within the claim timeout (a sender that died mid-way)
/// is taken up again.
/// </summary>
public class OutgoingMail
{
    public int Id { get; set; }
    /// <summary>What this message is, unique: <c>notification:ID</c>, <c>digest:DATE:EMAIL</c>. A second enqueue of the same fails.</summary>
    public string Key { get; set; } = "";
    public string To { get; set; } = "";
    /// <summary>The whole message (MIME, in base64: stored text is cleaned, a message's bytes must not be), composed when it was queued.</summary>
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public string? ClaimToken { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Set when the server refused the message itself (not when it was down): it is not tried again.</summary>
    public DateTime? FailedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
