namespace Portal.Features.CheckIn;

/// <summary>
/// The secret in a meeting's check-in link (<c>/check-in/{Key}</c>): 128 random bits, so that the link of one meeting
/// says nothing of another's and meeting ids cannot be walked. Made the first time staff show or print the QR code.
/// </summary>
public class MeetingCheckIn
{
    public int MeetingId { get; set; }
    public string Key { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
