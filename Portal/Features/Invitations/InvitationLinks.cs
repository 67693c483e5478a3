using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Portal.Features.Meetings;
using Portal.Hosting;
using Portal.Localization;

namespace Portal.Features.Invitations;

/// <summary>
/// The personal answer link: <c>/rsvp/{token}</c>, where the token is the invitation's id and answer key, protected by
/// ASP.NET Data Protection (signed and encrypted with the portal's keys, shared by every instance) and valid until the end
/// of the meeting day in Bangkok. A tampered, expired or withdrawn link (a new answer key, a removed invitee) is refused.
/// </summary>
public sealed class InvitationLinks(IDataProtectionProvider dataProtection, PublicAddress publicAddress)
{
    private const string Purpose = "Portal.Invitations.AnswerLink.v1";

    private ITimeLimitedDataProtector Protector => dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>The link's token, valid until the end of the meeting day.</summary>
    public string Token(Invitation invitation, DateOnly meetingDate) => Token(invitation.Id, invitation.AnswerKey, EndOfMeetingDay(meetingDate));

    public string Token(int invitationId, string answerKey, DateTimeOffset expires) =>
        Protector.Protect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{invitationId}:{answerKey}"), expires);

    /// <summary>The absolute link written into e-mails, from <c>Portal:PublicUrl</c>; English readers' links open the page in English.</summary>
    public string Link(string token, bool thai) => publicAddress.Link($"rsvp/{token}") + (thai ? "" : "?lang=en");

    /// <summary>Midnight after the meeting day, Bangkok time: the link works all through the meeting day.</summary>
    public static DateTimeOffset EndOfMeetingDay(DateOnly date) =>
        new(MeetingCalendar.ToUtc(date.AddDays(1), TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The invitation id and key a token carries, or null when it is not one of ours, was altered, or has expired.</summary>
    public (int InvitationId, string AnswerKey)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        string payload;
        try
        {
            payload = Protector.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = payload.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (id, parts[1]) : null;
    }

    /// <summary>Compares answer keys in constant time.</summary>
    public static bool SameKey(string stored, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(given));

    /// <summary>The reader's language for a link: English for international organizations.</summary>
    public static bool ThaiFor(Invitation invitation) => InvitationService.WritesInThai(invitation.Organization);

    internal static string LanguageOf(bool thai) => thai ? PortalCultures.Thai : PortalCultures.English;
}
