using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Letters;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Hosting;
using Portal.Localization;
using Portal.Mail;
using Portal.Printing;
using Portal.Validation;

namespace Portal.Features.Invitations;

/// <summary>
/// The invitation e-mails: one to each invitee with an e-mail address who has not been sent one, in Thai (English for
/// international organizations), with the calendar invitation (.ics, METHOD:REQUEST), the agenda as PDF (printed by the
/// portal's printer) and as text, and the personal answer link. Also the one reminder to those who have not answered.
/// </summary>
public class InvitationMailer(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MailSender mail, InvitationLinks links,
    PublicAddress publicAddress, PrintHtml printHtml, LetterService letters, PdfPrinter pdfPrinter, InvitationNotifier notifier, TimeProvider clock, ILogger<InvitationMailer> logger)
{
    public sealed record SendOutcome(int Sent, int WithoutEmail, int Failed, FieldErrors Errors);

    /// <summary>How many invitees would be sent an e-mail now, and how many have no address (for the confirmation).</summary>
    public async Task<(int ToSend, int WithoutEmail)> PendingAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId && i.SentAt == null).Include(i => i.Person).ToListAsync(cancellationToken);
        var withEmail = pending.Count(i => EmailOf(i) is not null);
        return (withEmail, pending.Count - withEmail);
    }

    /// <summary>
    /// Sends the invitations not sent yet, reporting progress (done, total) after each. Each is marked sent as it goes, so a
    /// failure halfway leaves the rest to send again. Refused for a meeting that is over or deleted.
    /// </summary>
    public async Task<SendOutcome> SendInvitationsAsync(int meetingId, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.AgendaItems).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
            errors.Add("", "Validation.NotFound");
        else if (meeting.Date < ActionDue.Today(clock))
            errors.Add("", "Invitation.MeetingOver");
        if (!errors.IsValid) return new SendOutcome(0, 0, 0, errors);

        var pending = await db.Invitations.Where(i => i.MeetingId == meetingId && i.SentAt == null)
            .Include(i => i.Person).Include(i => i.Organization).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var toSend = pending.Where(i => EmailOf(i) is not null).ToList();
        var agendas = new Dictionary<bool, byte[]>();
        if (toSend.Count > 0)
        {
            try
            {
                foreach (var thai in toSend.Select(InvitationLinks.ThaiFor).Distinct())
                    agendas[thai] = await AgendaPdfAsync(meeting!, thai, cancellationToken);
            }
            catch (Exception e) when (e is PrinterUnavailableException or ChromiumMissingException or DocumentTooLargeException or TimeoutException)
            {
                logger.LogWarning(e, "The agenda of meeting {Meeting} could not be printed; no invitation was sent", meetingId);
                errors.Add("", "Invitation.PrinterDown");
                return new SendOutcome(0, pending.Count - toSend.Count, 0, errors);
            }
        }
        int sent = 0, failed = 0;
        progress?.Report((0, toSend.Count));
        foreach (var invitation in toSend)
        {
            try
            {
                var thai = InvitationLinks.ThaiFor(invitation);
                var message = Compose(meeting!, invitation, thai, reminder: false);
                foreach (var part in await AttachmentsForAsync(meeting!, invitation, thai, agendas[thai], cancellationToken))
                    AddAttachment(message, part);
                await mail.SendAsync(message, cancellationToken);
                invitation.SentAt = db.UtcNow;
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (MailServerUnavailableException)
            {
                // The server is down or frozen: every other message would wait as long again. The rest stay unsent, to send later.
                errors.Add("", "Invitation.MailServerDown", sent, toSend.Count - sent);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException)
            {
                logger.LogError(e, "Sending invitation {Invitation} failed", invitation.Id);
                failed++;
            }
            progress?.Report((sent + failed, toSend.Count));
        }
        if (failed > 0 && errors.IsValid)
            errors.Add("", "Invitation.SomeFailed", failed);
        notifier.Changed(meetingId);
        return new SendOutcome(sent, pending.Count - toSend.Count, failed, errors);
    }

    /// <summary>
    /// What goes with an invitation besides its text: the calendar invitation, the agenda and — once the lead's official
    /// letter exists — the letter of the invitee's organization. This is the one place to add an attachment.
    /// </summary>
    public async Task<IReadOnlyList<MimePart>> AttachmentsForAsync(Meeting meeting, Invitation invitation, bool thai, byte[] agendaPdf, CancellationToken cancellationToken)
    {
        var token = links.Token(invitation, meeting.Date);
        var ics = InvitationCalendar.Write(meeting, invitation, EmailOf(invitation), mail.From.Address, mail.From.Name ?? "", publicAddress.BaseUri,
            links.Link(token, thai), thai, clock.GetUtcNow().UtcDateTime);
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invitation.ics",
        };
        calendar.ContentType.Parameters.Add("method", "REQUEST");
        calendar.ContentType.Charset = "utf-8";
        List<MimePart> parts =
        [
            calendar,
            new MimePart("application", "pdf")
            {
                Content = new MimeContent(new MemoryStream(agendaPdf)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = $"agenda-{meeting.Date:yyyy-MM-dd}.pdf",
            },
        ];
        if (await OfficialLetterAsync(meeting, invitation, cancellationToken) is { } letter)
            parts.Add(letter);
        return parts;
    }

    /// <summary>Each organization's letter is printed once a sending, however many of its people are invited.</summary>
    private readonly Dictionary<int, (byte[] Pdf, string Number)> printedLetters = [];

    /// <summary>
    /// The official letter (หนังสือเชิญ) of the invitee's organization, numbered when it is first printed (Features/Letters);
    /// none for a person invited without an organization.
    /// </summary>
    private async Task<MimePart?> OfficialLetterAsync(Meeting meeting, Invitation invitation, CancellationToken cancellationToken)
    {
        if (invitation.OrganizationId is not { } organizationId) return null;
        if (!printedLetters.TryGetValue(organizationId, out var letter))
        {
            var issued = await letters.IssueAsync(meeting.Id, organizationId, cancellationToken);
            if (issued.Count == 0) return null;
            letter = (await pdfPrinter.PdfAsync(await letters.HtmlAsync(issued), cancellationToken), issued[0].Number);
            printedLetters[organizationId] = letter;
        }
        return new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(letter.Pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = $"letter-{meeting.Date:yyyy-MM-dd}-{organizationId}.pdf",
        };
    }

    /// <summary>The agenda as a PDF from the portal's printer, in one language.</summary>
    public async Task<byte[]> AgendaPdfAsync(Meeting meeting, bool thai, CancellationToken cancellationToken = default)
    {
        var html = ThaiWords.KeepTogetherInHtml(await printHtml.RenderAsync<AgendaPrint>(new Dictionary<string, object?>
        {
            [nameof(AgendaPrint.Meeting)] = meeting,
            [nameof(AgendaPrint.Thai)] = thai,
        }));
        return await pdfPrinter.PdfAsync(html, cancellationToken);
    }

    /// <summary>The invitation (or reminder) e-mail's text in one language: particulars, agenda, and the answer link.</summary>
    public MimeMessage Compose(Meeting meeting, Invitation invitation, bool thai, bool reminder)
    {
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        string T(string key) => BilingualText.Get(key, thai);
        var message = new MimeMessage();
        message.From.Add(mail.From);
        message.To.Add(new MailboxAddress(InvitationService.Addressee(invitation, thai), EmailOf(invitation) ?? ""));
        message.Subject = string.Format(culture, T(reminder ? "Invitation.ReminderSubject" : "Invitation.Subject"), reminder ? meeting.Title(thai) : MeetingText.AfterMeetingWord(meeting.Title(thai), thai));
        var link = links.Link(links.Token(invitation, meeting.Date), thai);
        var body = new StringBuilder();
        body.AppendLine(string.Format(culture, T("Invitation.Dear"), InvitationService.Addressee(invitation, thai))).AppendLine();
        body.AppendLine(string.Format(culture, T(reminder ? "Invitation.ReminderIntro" : "Invitation.Intro"), meeting.Title(thai))).AppendLine();
        body.AppendLine(culture, $"{T("Meeting.Date")}: {PrintText.Date(meeting.Date, thai)}");
        body.AppendLine(culture, $"{T("Invitation.Time")}: {MeetingText.Times(meeting.StartTime, meeting.EndTime, thai)}");
        if (meeting.Venue(thai) is { Length: > 0 } venue)
            body.AppendLine(culture, $"{T("Invitation.Venue")}: {venue}");
        body.AppendLine().AppendLine(T("Invitation.AgendaTitle"));
        if (meeting.AgendaItems.Count == 0)
            body.AppendLine(T("Invitation.AgendaToFollow"));
        foreach (var item in meeting.AgendaItems.Where(a => a.DeletedAt is null).OrderBy(a => a.Position))
            body.AppendLine(AgendaPrint.AgendaLine(item, thai));
        body.AppendLine().AppendLine(T("Invitation.AnswerAt")).AppendLine(link).AppendLine();
        body.AppendLine(string.Format(culture, T("Invitation.LinkValid"), ThaiDates.LongDate(meeting.Date, culture)));
        body.AppendLine().AppendLine(T("App.Name"));
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    /// <summary>The invitee's e-mail address: the person's; an organization-level invitation has none (it goes by letter).</summary>
    public static string? EmailOf(Invitation invitation) =>
        invitation.Person is { AnonymizedAt: null, Email: { Length: > 0 } email } && FieldErrors.IsEmail(email) ? email : null;

    private static void AddAttachment(MimeMessage message, MimePart part)
    {
        if (message.Body is not Multipart mixed)
        {
            mixed = new Multipart("mixed") { message.Body! };
            message.Body = mixed;
        }
        mixed.Add(part);
    }
}
