using System.Collections.Concurrent;
using System.Text;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Hosting;
using Portal.Localization;
using Portal.Mail;
using Portal.Printing;
using Portal.Validation;

namespace Portal.Features.Distribution;

/// <summary>
/// Sends the latest approved minutes to the people who attended and to the contacts of the organizations that took part,
/// each the approved PDF in their language with a link to the meeting, and keeps a receipt of every attempt. KKTT's users
/// only: a partner is refused here whatever page calls it.
/// </summary>
public class DistributionService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, MeetingAccess access, MailSender mail,
    PublicAddress publicAddress, MinutesPdfService pdfs, DistributionNotifier notifier, ILogger<DistributionService> logger)
{
    private ConcurrentDictionary<int, byte> Sending => notifier.Sending;

    public enum RecipientState
    {
        ToSend,
        /// <summary>This version already reached this address: a retry leaves it out.</summary>
        AlreadySent,
        /// <summary>The server refused this address for this version: sent again only by a resend to that recipient.</summary>
        Refused,
        NoEmail,
    }

    public sealed record Recipient(DeliveryRecipient Kind, int? PersonId, int? OrganizationId, Bilingual Name, Bilingual? Organization,
        string? Address, PrintLanguage Language, RecipientState State)
    {
        /// <summary>The organization to show beside the name; none when the name already says it ("ผู้แทน สำนักงาน…").</summary>
        public Bilingual? OrganizationShown => NamesOrganization(Name, Organization) ? null : Organization;
    }

    public sealed record Preview(int Version, string? CorrectionReason, IReadOnlyList<Recipient> Recipients)
    {
        public int ToSend => Recipients.Count(r => r.State == RecipientState.ToSend);
        public int WithoutEmail => Recipients.Count(r => r.State == RecipientState.NoEmail);
        public int AlreadySent => Recipients.Count(r => r.State == RecipientState.AlreadySent);
    }

    public sealed record SendOutcome(int Accepted, int Refused, int Failed, int NotSent, FieldErrors Errors);

    /// <param name="Organization">The organization's acronym (or name), shown beside the name; none when the name already says it.</param>
    public sealed record Receipt(int Id, int Version, PrintLanguage Language, DeliveryRecipient Kind, int? PersonId, string Name, string Address,
        Bilingual? Organization, DeliveryOutcome Outcome, string? Reason, DateTime At, string ByName)
    {
        /// <summary>Who it was sent to, the same for every attempt: the person, or else the address.</summary>
        public string RecipientKey => PersonId is { } id ? $"person:{id}" : "address:" + Address.Trim().ToLowerInvariant();
    }

    /// <summary>One recipient of one version: the receipt that says where things stand now, and every attempt, newest first.</summary>
    public sealed record RecipientReceipts(int Version, string Key, Receipt Latest, IReadOnlyList<Receipt> Attempts)
    {
        public IEnumerable<Receipt> Earlier => Attempts.Skip(1);
    }

    /// <summary>
    /// Receipts grouped by version and recipient, newest first: a resend is another attempt for the same recipient, not another
    /// recipient, so counts go by the latest receipt of each.
    /// </summary>
    public static List<RecipientReceipts> ByRecipient(IEnumerable<Receipt> receipts) =>
        receipts.GroupBy(r => (r.Version, r.RecipientKey))
            .Select(g => g.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToList())
            .Select(attempts => new RecipientReceipts(attempts[0].Version, attempts[0].RecipientKey, attempts[0], attempts))
            .OrderByDescending(r => r.Version).ThenByDescending(r => r.Latest.At).ThenByDescending(r => r.Latest.Id)
            .ToList();

    /// <summary>How many recipients of the newest version sent stand at each outcome, each counted once by their latest receipt.</summary>
    public static Dictionary<DeliveryOutcome, int> CountByOutcome(IReadOnlyList<RecipientReceipts> recipients)
    {
        var version = recipients.Count == 0 ? 0 : recipients.Max(r => r.Version);
        return recipients.Where(r => r.Version == version).GroupBy(r => r.Latest.Outcome).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// The mail server did not answer in time (MailSender's reason for a timeout, "host:port did not answer within 20 s"):
    /// the page says so in the reader's language before the server's own words.
    /// </summary>
    public static bool TimedOut(string? reason) => reason?.Contains(" did not answer within ", StringComparison.Ordinal) == true;

    /// <summary>A stand-in named after the organization ("ผู้แทน หอการค้า…", "Representative of …"), or the organization itself.</summary>
    public static bool NamesOrganization(Bilingual name, Bilingual? organization) => organization is not null
        && (Contains(name.Th, organization.Th) || Contains(name.En, organization.En));

    private static bool Contains(string? text, string? part) =>
        !string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(part) && text.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Who would be sent the latest approved version now, in which language, and who is left out and why; null before approval.</summary>
    public async Task<Preview?> PreviewAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LatestApprovedAsync(db, meetingId, cancellationToken) is not { } approved) return null;
        return new Preview(approved.Version, approved.CorrectionReason, await RecipientsAsync(db, approved, cancellationToken));
    }

    /// <summary>
    /// Sends the latest approved version to every recipient it has not reached yet, reporting (done, total) after each, and
    /// writes a receipt for each. When the mail server is down the batch stops: the rest are recorded as not sent, and
    /// sending again later sends only to them (and to those that failed).
    /// </summary>
    public async Task<SendOutcome> SendAsync(int meetingId, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        var errors = new FieldErrors();
        if (!Sending.TryAdd(meetingId, 0))
        {
            errors.Add("", "Distribution.AlreadySending");
            return new SendOutcome(0, 0, 0, 0, errors);
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await LatestApprovedAsync(db, meetingId, cancellationToken) is not { } approved)
            {
                errors.Add("", "Distribution.NotApproved");
                return new SendOutcome(0, 0, 0, 0, errors);
            }
            var toSend = (await RecipientsAsync(db, approved, cancellationToken)).Where(r => r.State == RecipientState.ToSend).ToList();
            return await SendToAsync(db, approved, toSend, progress, cancellationToken);
        }
        finally
        {
            Sending.TryRemove(meetingId, out _);
        }
    }

    /// <summary>
    /// Sends the version of one receipt again to its recipient, in the same language, at the person's address as it is now
    /// (corrected since, perhaps) or else the address it went to.
    /// </summary>
    public async Task<SendOutcome> ResendAsync(int meetingId, int receiptId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        var errors = new FieldErrors();
        // One send at a time per meeting: a double click, or a resend while the whole list is going out, waits its turn.
        if (!Sending.TryAdd(meetingId, 0))
        {
            errors.Add("", "Distribution.AlreadySending");
            return new SendOutcome(0, 0, 0, 0, errors);
        }
        try
        {
            return await ResendOneAsync(meetingId, receiptId, cancellationToken);
        }
        finally
        {
            Sending.TryRemove(meetingId, out _);
        }
    }

    private async Task<SendOutcome> ResendOneAsync(int meetingId, int receiptId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var receipt = await db.MinutesDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == receiptId && d.MeetingId == meetingId, cancellationToken);
        var approved = receipt is null ? null : await db.ApprovedMinutes.AsNoTracking()
            .FirstOrDefaultAsync(v => v.MeetingId == meetingId && v.Version == receipt.Version, cancellationToken);
        if (receipt is null || approved is null || !await access.CanSeeAsync(db, meetingId, cancellationToken))
        {
            errors.Add("", "Validation.NotFound");
            return new SendOutcome(0, 0, 0, 0, errors);
        }
        var person = receipt.PersonId is { } personId ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
        var address = EmailOf(person) ?? receipt.Address;
        var organization = receipt.OrganizationId is { } organizationId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.NameTh, o.NameEn }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var recipient = new Recipient(receipt.RecipientKind, receipt.PersonId, receipt.OrganizationId,
            person is null ? new Bilingual(receipt.RecipientName, receipt.RecipientName) : PersonNames.Bilingual(person),
            organization is null ? null : new Bilingual(organization.NameTh, organization.NameEn), address, receipt.Language, RecipientState.ToSend);
        return await SendToAsync(db, approved, [recipient], null, cancellationToken);
    }

    /// <summary>Every receipt of the meeting, newest first.</summary>
    public async Task<List<Receipt>> ReceiptsAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from d in db.MinutesDeliveries.AsNoTracking().Where(d => d.MeetingId == meetingId)
            from o in db.Organizations.IgnoreQueryFilters().Where(o => o.Id == d.OrganizationId).DefaultIfEmpty()
            orderby d.At descending, d.Id descending
            select new { Delivery = d, o.Acronym, o.NameTh, o.NameEn })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var d = r.Delivery;
            var named = r.NameTh is null && r.NameEn is null ? null : new Bilingual(r.NameTh, r.NameEn);
            var shown = named is null || NamesOrganization(new Bilingual(d.RecipientName, d.RecipientName), named) ? null
                : new Bilingual(r.Acronym ?? r.NameTh, r.Acronym ?? r.NameEn);
            return new Receipt(d.Id, d.Version, d.Language, d.RecipientKind, d.PersonId, d.RecipientName, d.Address, shown, d.Outcome, d.Reason, d.At, d.ByName);
        }).ToList();
    }

    public sealed record NewMinutesRow(int MeetingId, int Version, DateOnly Date, Bilingual Title, DateTime ApprovedAt, bool Corrected);

    /// <summary>
    /// For a partner's dashboard: the approved minutes of the meetings its organization took part in, newest approval first
    /// (the version it is shown, as everywhere). Empty for KKTT's users.
    /// </summary>
    public async Task<List<NewMinutesRow>> NewMinutesAsync(int count = 5, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await access.PartnerVersionsAsync(db, cancellationToken) is not { } shown) return [];
        return (await shown.AsNoTracking().OrderByDescending(v => v.ApprovedAt).ThenByDescending(v => v.Id).Take(count)
                .Select(v => new { v.MeetingId, v.Version, v.Date, v.TitleTh, v.TitleEn, v.ApprovedAt, v.CorrectionReason })
                .ToListAsync(cancellationToken))
            .Select(v => new NewMinutesRow(v.MeetingId, v.Version, v.Date, new Bilingual(v.TitleTh, v.TitleEn), v.ApprovedAt, v.CorrectionReason is not null))
            .ToList();
    }

    private static Task<ApprovedMinutes?> LatestApprovedAsync(PortalDbContext db, int meetingId, CancellationToken cancellationToken) =>
        db.ApprovedMinutes.AsNoTracking().Include(v => v.AttendingOrganizations)
            .Where(v => v.MeetingId == meetingId && db.Meetings.Any(m => m.Id == meetingId))
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The attendees of the approved version (present, or through a stand-in), then the contacts of the organizations it lists
    /// as attending other than the host; each address once, the first time it comes.
    /// </summary>
    internal static async Task<List<Recipient>> RecipientsAsync(PortalDbContext db, ApprovedMinutes approved, CancellationToken cancellationToken)
    {
        var document = MinutesDocument.FromJson(approved.Document);
        var attended = document.Attendees.Where(a => AttendanceTally.Counts(a.Status)).ToList();
        var hostId = await db.Meetings.Where(m => m.Id == approved.MeetingId).Select(m => m.HostOrganizationId).FirstOrDefaultAsync(cancellationToken);
        var organizationIds = approved.AttendingOrganizations.Select(o => o.OrganizationId).Where(id => id != hostId).ToList();
        var personIds = attended.Select(a => a.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var contacts = await db.People.AsNoTracking().Where(p => p.OrganizationId != null && organizationIds.Contains(p.OrganizationId.Value))
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var organizationsNeeded = attended.Select(a => a.OrganizationId).Concat(people.Values.Select(p => p.OrganizationId))
            .Concat(organizationIds.Select(id => (int?)id)).OfType<int>().Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().IgnoreQueryFilters().Where(o => organizationsNeeded.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var receipts = await db.MinutesDeliveries.AsNoTracking().Where(d => d.MeetingId == approved.MeetingId && d.Version == approved.Version)
            .Select(d => new { d.Address, d.Outcome }).ToListAsync(cancellationToken);
        var accepted = receipts.Where(r => r.Outcome == DeliveryOutcome.Accepted).Select(r => r.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var refused = receipts.Where(r => r.Outcome == DeliveryOutcome.Refused).Select(r => r.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recipients = new List<Recipient>();
        void Add(DeliveryRecipient kind, Person? person, Bilingual name, Organization? organization)
        {
            var address = EmailOf(person);
            if (address is not null && !seen.Add(address)) return;
            var state = address is null ? RecipientState.NoEmail
                : accepted.Contains(address) ? RecipientState.AlreadySent
                : refused.Contains(address) ? RecipientState.Refused
                : RecipientState.ToSend;
            recipients.Add(new Recipient(kind, person?.Id, organization?.Id, name, organization?.Name, address, MinutesLanguages.For(organization), state));
        }

        foreach (var attendee in attended)
        {
            var person = people.GetValueOrDefault(attendee.PersonId);
            var organizationId = attendee.OrganizationId ?? person?.OrganizationId;
            Add(DeliveryRecipient.Attendee, person, person is null ? attendee.Name : PersonNames.Bilingual(person),
                organizationId is { } id ? organizations.GetValueOrDefault(id) : null);
        }
        foreach (var organizationId in organizationIds)
        {
            if (!organizations.TryGetValue(organizationId, out var organization)) continue;
            var withEmail = contacts.Where(c => c.OrganizationId == organizationId && EmailOf(c) is not null).ToList();
            // An organization none of whose contacts has an address is named once, so the sender sees it was left out; not
            // when it is listed already (its stand-in "ผู้แทน …" without an address, say): each recipient once.
            if (withEmail.Count == 0 && !recipients.Any(r => r.OrganizationId == organizationId))
                Add(DeliveryRecipient.OrganizationContact, null, organization.Name, organization);
            foreach (var contact in withEmail)
                Add(DeliveryRecipient.OrganizationContact, contact, PersonNames.Bilingual(contact), organization);
        }
        return recipients;
    }

    private async Task<SendOutcome> SendToAsync(PortalDbContext db, ApprovedMinutes approved, List<Recipient> toSend,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var actor = await currentUser.GetActorAsync();
        var pdf = new Dictionary<PrintLanguage, (byte[] Bytes, DownloadName Name)>();
        try
        {
            if (toSend.Count > 0 && await pdfs.LoadAsync(approved.MeetingId, approved.Version, cancellationToken) is { } printable)
                foreach (var language in toSend.Select(r => r.Language).Distinct())
                    pdf[language] = (await pdfs.PdfAsync(await pdfs.MinutesHtmlAsync(printable, language), cancellationToken),
                        PrintLanguages.MinutesFileName(printable.Document, language));
        }
        catch (Exception e) when (e is PrinterUnavailableException or ChromiumMissingException or DocumentTooLargeException or TimeoutException)
        {
            logger.LogWarning(e, "The minutes of meeting {Meeting} could not be printed; nothing was sent", approved.MeetingId);
            errors.Add("", "Distribution.PrinterDown");
            return new SendOutcome(0, 0, 0, 0, errors);
        }

        int accepted = 0, refused = 0, failed = 0, notSent = 0;
        progress?.Report((0, toSend.Count));
        for (var i = 0; i < toSend.Count; i++)
        {
            var recipient = toSend[i];
            DeliveryOutcome outcome;
            string? reason = null;
            try
            {
                await mail.SendAsync(Compose(approved, recipient, pdf[recipient.Language]), cancellationToken);
                outcome = DeliveryOutcome.Accepted;
                accepted++;
            }
            catch (MailServerUnavailableException e)
            {
                // This one was tried and failed (timed out, say). The server is down or frozen: every other message would wait
                // as long again, so the rest are not tried and are recorded as such; a retry reaches all of them.
                db.MinutesDeliveries.Add(NewReceipt(approved, recipient, DeliveryOutcome.Failed, e.Message, db.UtcNow, actor));
                failed++;
                foreach (var rest in toSend.Skip(i + 1))
                    db.MinutesDeliveries.Add(NewReceipt(approved, rest, DeliveryOutcome.NotSent, e.Message, db.UtcNow, actor));
                await db.SaveChangesAsync(CancellationToken.None);
                notSent = toSend.Count - i - 1;
                errors.Add("", "Distribution.MailServerDown", accepted, failed + notSent);
                progress?.Report((toSend.Count, toSend.Count));
                break;
            }
            catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                (outcome, reason) = (DeliveryOutcome.Refused, $"{(int)e.StatusCode} {e.Message}");
                refused++;
            }
            catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException)
            {
                logger.LogError(e, "Sending the minutes of meeting {Meeting} to {Address} failed", approved.MeetingId, recipient.Address);
                (outcome, reason) = (DeliveryOutcome.Failed, e is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : e.Message);
                failed++;
            }
            // Saved even when the page is closed meanwhile: the mail went, so its receipt must exist.
            db.MinutesDeliveries.Add(NewReceipt(approved, recipient, outcome, reason, db.UtcNow, actor));
            await db.SaveChangesAsync(CancellationToken.None);
            progress?.Report((i + 1, toSend.Count));
        }
        if (errors.IsValid && refused + failed > 0)
            errors.Add("", "Distribution.SomeFailed", refused + failed);
        notifier.Changed(approved.MeetingId);
        return new SendOutcome(accepted, refused, failed, notSent, errors);
    }

    private static MinutesDelivery NewReceipt(ApprovedMinutes approved, Recipient recipient, DeliveryOutcome outcome, string? reason, DateTime at, AuditActor actor) => new()
    {
        MeetingId = approved.MeetingId,
        Version = approved.Version,
        Language = recipient.Language,
        RecipientKind = recipient.Kind,
        PersonId = recipient.PersonId,
        OrganizationId = recipient.OrganizationId,
        RecipientName = TextShortening.Shorten(recipient.Name.In(recipient.Language != PrintLanguage.English), FieldLengths.Name, "…"),
        Address = recipient.Address ?? "",
        Outcome = outcome,
        Reason = TextShortening.Shorten(reason, FieldLengths.Reason, "…"),
        At = at,
        ById = actor.UserId,
        ByName = TextShortening.Shorten(actor.Name, 256, "…"),
    };


    /// <summary>
    /// The e-mail: the subject and a short letter in the recipient's language (Thai first, then English, when bilingual),
    /// ฉบับแก้ไข / corrected version with the reason when it corrects an earlier version, the link to the meeting, and the PDF.
    /// </summary>
    public MimeMessage Compose(ApprovedMinutes approved, Recipient recipient, (byte[] Bytes, DownloadName Name) pdf)
    {
        var languages = PrintLanguages.Thai(recipient.Language);
        var message = new MimeMessage();
        message.From.Add(mail.From);
        message.To.Add(new MailboxAddress(recipient.Name.In(languages[0]), recipient.Address ?? ""));
        message.Subject = string.Join(" / ", languages.Select(thai => Subject(approved, thai)));
        var link = publicAddress.Link($"meetings/{approved.MeetingId}");
        var body = new StringBuilder();
        foreach (var thai in languages)
        {
            if (body.Length > 0) body.AppendLine().AppendLine("――――――――――").AppendLine();
            var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
            string T(string key) => BilingualText.Get(key, thai);
            var title = new Bilingual(approved.TitleTh, approved.TitleEn).In(thai);
            body.AppendLine(string.Format(culture, T("Distribution.Mail.Dear"), recipient.Name.In(thai))).AppendLine();
            body.AppendLine(string.Format(culture, T("Distribution.Mail.Intro"), MeetingText.AfterMeetingWord(title, thai),
                ThaiDates.LongDate(approved.Date, culture), approved.Version)).AppendLine();
            if (approved.CorrectionReason is { } reason)
                body.AppendLine(string.Format(culture, T("Distribution.Mail.Corrected"), approved.Version - 1)).AppendLine(reason).AppendLine();
            // Outside recipients have no account: the attachment is the minutes; the link is only for those who do.
            body.AppendLine(T("Distribution.Mail.Attached")).AppendLine();
            body.AppendLine(T("Distribution.Mail.Link")).AppendLine(link).AppendLine();
            body.AppendLine(T("App.Name"));
        }
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(pdf.Bytes)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = pdf.Name.Unicode,
        };
        message.Body = new Multipart("mixed") { new TextPart("plain") { Text = body.ToString() }, attachment };
        return message;
    }

    /// <summary>"รายงานการประชุม…" or, for a corrected version, "รายงานการประชุม… (ฉบับแก้ไข ครั้งที่ 2: reason)".</summary>
    public static string Subject(ApprovedMinutes approved, bool thai)
    {
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        var title = MeetingText.AfterMeetingWord(new Bilingual(approved.TitleTh, approved.TitleEn).In(thai), thai);
        var subject = string.Format(culture, BilingualText.Get("Distribution.Mail.Subject", thai), title);
        if (approved.CorrectionReason is not { } reason) return subject;
        var shortReason = reason.ReplaceLineEndings(" ").Trim();
        if (shortReason.Length > 80) shortReason = shortReason[..79].TrimEnd() + "…";
        return subject + " " + string.Format(culture, BilingualText.Get("Distribution.Mail.CorrectedSubject", thai), approved.Version, shortReason);
    }

    /// <summary>A person's address when it is one; none for an anonymized person.</summary>
    public static string? EmailOf(Person? person) =>
        person is { AnonymizedAt: null, Email: { Length: > 0 } email } && FieldErrors.IsEmail(email) ? email.Trim() : null;
}

/// <summary>Tells open meeting pages that receipts were written, so every open page shows them without a reload.</summary>
public sealed class DistributionNotifier
{
    /// <summary>
    /// Meetings being sent right now by this instance: a second click (or a second user) waits for the first send to finish.
    /// Held by the app's singleton, not a static, so two portals in one process (tests) never block each other's meetings.
    /// </summary>
    internal ConcurrentDictionary<int, byte> Sending { get; } = new();

    public event Action<int>? ReceiptsChanged;

    public void Changed(int meetingId) => ReceiptsChanged?.Invoke(meetingId);
}
