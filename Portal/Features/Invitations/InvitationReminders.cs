using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Localization;
using Portal.Mail;

namespace Portal.Features.Invitations;

/// <summary>
/// One reminder to each invitee who was sent an invitation and has not answered, from <see cref="Meetings.Meeting.InvitationReminderDays"/>
/// days before the meeting until the meeting day. Each reminder is claimed in the database (ReminderSentAt, guarded by the
/// invitation's version) before it is sent, so a restart or a second instance never sends it twice.
/// </summary>
public class InvitationReminderService(IDbContextFactory<PortalDbContext> dbFactory, InvitationMailer mailer, MailSender mail, TimeProvider clock,
    InvitationNotifier notifier, ILogger<InvitationReminderService> logger)
{
    /// <summary>Sends the reminders due today; returns how many went out.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = ActionDue.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Invitations
            .Where(i => i.SentAt != null && i.ReminderSentAt == null && i.Status == InvitationStatus.Invited
                && i.Meeting!.InvitationReminderDays != null && i.Meeting.Date >= today)
            .Include(i => i.Meeting).ThenInclude(m => m!.AgendaItems).Include(i => i.Person).Include(i => i.Organization)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var sent = 0;
        var meetings = new HashSet<int>();
        foreach (var invitation in candidates.Where(i => i.Meeting!.Date.AddDays(-i.Meeting.InvitationReminderDays!.Value) <= today))
        {
            if (InvitationMailer.EmailOf(invitation) is null) continue;
            invitation.ReminderSentAt = db.UtcNow;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Claimed (or answered) elsewhere in the meantime.
                db.Entry(invitation).State = EntityState.Detached;
                continue;
            }
            var thai = InvitationLinks.ThaiFor(invitation);
            try
            {
                await mail.SendAsync(mailer.Compose(invitation.Meeting!, invitation, thai, reminder: true), cancellationToken);
            }
            catch (MailServerUnavailableException)
            {
                // Nothing reached the server: give the claim back so the next run sends it, and stop until then.
                invitation.ReminderSentAt = null;
                await db.SaveChangesAsync(CancellationToken.None);
                break;
            }
            meetings.Add(invitation.MeetingId);
            sent++;
        }
        foreach (var meetingId in meetings)
            notifier.Changed(meetingId);
        if (sent > 0)
            logger.LogInformation("Sent {Count} invitation reminders", sent);
        return sent;
    }
}

/// <summary>Wakes every few minutes and, from <c>Portal:Reminders:Hour</c> (Bangkok time) on, sends the invitation reminders due.</summary>
public class InvitationReminderJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<InvitationReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Portal:Reminders:Enabled", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            try
            {
                var hour = configuration.GetValue("Portal:Reminders:Hour", 8);
                if (TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ThaiDates.Bangkok).Hour >= hour)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<InvitationReminderService>().SendDueRemindersAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending invitation reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
