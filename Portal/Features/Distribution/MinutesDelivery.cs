using Portal.Data;
using Portal.Features.Minutes;

namespace Portal.Features.Distribution;

/// <summary>
/// One attempt to send an approved version of the minutes to one recipient, and what the mail server said: the receipt.
/// Never changed or removed; a resend or a retry is a receipt of its own, so the list shows every attempt.
/// </summary>
[Audited, AppendOnly(MinutesDelivery.NeverChanged)]
public class MinutesDelivery
{
    internal const string NeverChanged = "A receipt records what was sent and what the mail server answered; it is never changed or removed.";

    public int Id { get; set; }
    public int MeetingId { get; set; }
    /// <summary>The approved version sent (<see cref="ApprovedMinutes.Version"/>).</summary>
    public int Version { get; set; }
    public PrintLanguage Language { get; set; }
    public DeliveryRecipient RecipientKind { get; set; }
    /// <summary>The person written to; empty once the person is gone is never the case (people are soft-deleted).</summary>
    public int? PersonId { get; set; }
    /// <summary>The organization the recipient was sent the minutes for (an attendee's, or the one whose contact they are).</summary>
    public int? OrganizationId { get; set; }
    /// <summary>The name and address as they were when sent: a receipt says who was written to, whatever changed since.</summary>
    public string RecipientName { get; set; } = "";
    public string Address { get; set; } = "";
    public DeliveryOutcome Outcome { get; set; }
    /// <summary>What the server (or the portal) said when the outcome is not <see cref="DeliveryOutcome.Accepted"/>.</summary>
    public string? Reason { get; set; }
    public DateTime At { get; set; }
    public string? ById { get; set; }
    public string ByName { get; set; } = "";
}

public enum DeliveryRecipient
{
    /// <summary>Listed as attending in the approved version.</summary>
    Attendee,
    /// <summary>A contact of an organization that took part.</summary>
    OrganizationContact,
}

public enum DeliveryOutcome
{
    /// <summary>The mail server took the message for delivery.</summary>
    Accepted,
    /// <summary>The mail server refused this recipient's address.</summary>
    Refused,
    /// <summary>Sending failed for another reason (the message refused, the PDF not printed…).</summary>
    Failed,
    /// <summary>Not tried: the mail server was down, so the rest of the batch stopped.</summary>
    NotSent,
}
