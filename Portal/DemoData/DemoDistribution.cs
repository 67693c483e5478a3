using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Distribution;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.Organizations;

namespace Portal.DemoData;

/// <summary>
/// The workshop's approved minutes as sent the day after approval: some attendees given an e-mail address, Khon Kaen
/// University asking for Thai and English, the World Bank's director in English, and a receipt for each recipient: most
/// accepted, one address refused, one failed and sent again, one timed out while the mail server stopped answering and the
/// last not tried, both sent on the retry. Everyone with an address has it now, so the preview says nobody is left. Written as records, since the
/// demo has no mail server when it loads.
/// </summary>
public static class DemoDistribution
{
    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, Organization> organizations, Meeting workshop, AuditActor sender,
        CancellationToken cancellationToken)
    {
        organizations[DemoOrganizations.Kku].MinutesLanguage = PrintLanguage.Bilingual;
        var approved = await db.ApprovedMinutes.Include(v => v.AttendingOrganizations).SingleAsync(v => v.MeetingId == workshop.Id, cancellationToken);
        var document = MinutesDocument.FromJson(approved.Document);
        var attendeeIds = document.Attendees.Where(a => AttendanceTally.Counts(a.Status)).Select(a => a.PersonId).ToList();
        var attendees = await db.People.Include(p => p.Organization).Where(p => attendeeIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        // Every other attendee has an address; the rest show as "no e-mail" in the preview.
        foreach (var person in attendees.Where((_, i) => i % 2 == 0))
            person.Email ??= $"{person.GivenNameEn}.{person.FamilyNameEn}".ToLowerInvariant().Replace(' ', '-') + $"@{person.Organization?.Acronym?.ToLowerInvariant() ?? "kktt"}.demo";
        // The World Bank's director reads English: her address shows an English-language send in the demo.
        if (attendees.FirstOrDefault(p => p.GivenNameEn == "Melinda" && p.FamilyNameEn == "Good") is { } melinda)
            melinda.Email ??= "melinda.good@wb.demo";
        await db.SaveChangesAsync(cancellationToken);

        var recipients = (await DistributionService.RecipientsAsync(db, approved, cancellationToken)).Where(r => r.Address is not null).ToList();
        // Approved as the demo loads: sent that morning, the failed ones again three hours later.
        var sentAt = db.UtcNow.AddHours(-4);
        MinutesDelivery Receipt(DistributionService.Recipient r, DeliveryOutcome outcome, string? reason, TimeSpan after) => new()
        {
            MeetingId = approved.MeetingId, Version = approved.Version, Language = r.Language, RecipientKind = r.Kind, PersonId = r.PersonId,
            OrganizationId = r.OrganizationId, RecipientName = r.Name.In(r.Language != PrintLanguage.English), Address = r.Address!,
            Outcome = outcome, Reason = reason, At = sentAt + after, ById = sender.UserId, ByName = sender.Name,
        };
        // The refused, failed and unsent ones are Thai or bilingual recipients, so the English send is one that was accepted.
        var unusual = recipients.Where(r => r.Language != PrintLanguage.English).Take(5).ToList();
        var outage = TimeSpan.FromSeconds(2 * recipients.IndexOf(unusual[^1]));
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            var at = TimeSpan.FromSeconds(2 * i);
            switch (unusual.IndexOf(recipient))
            {
                case 1:
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Refused, "550 5.1.1 Mailbox unavailable: no such user", at));
                    break;
                case 2:
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Failed, "451 4.3.0 Message too large for the recipient's mailbox, try again later", at));
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Accepted, null, TimeSpan.FromHours(3) + at));
                    break;
                case 3:
                    // The mail server stopped answering: this one timed out, the last was not tried; the retry reached both.
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Failed, "smtp.kktt.demo:587 did not answer within 20 s", outage));
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Accepted, null, TimeSpan.FromHours(3) + outage));
                    break;
                case 4:
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.NotSent, "smtp.kktt.demo:587 did not answer within 20 s", outage));
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Accepted, null, TimeSpan.FromHours(3) + outage + TimeSpan.FromSeconds(2)));
                    break;
                default:
                    db.MinutesDeliveries.Add(Receipt(recipient, DeliveryOutcome.Accepted, null, at));
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
