using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Data;
using Portal.Localization;
using Portal.Mail;

namespace Portal.Features.Notifications;

/// <summary>
/// Sends the queued e-mails (<see cref="OutgoingMail"/>) once each, whatever the number of portal instances: each row is
/// claimed by one conditional UPDATE, sent, then marked sent. A claim left by an instance that stopped mid-way is taken up
/// again after <c>Portal:Notifications:ClaimTimeoutSeconds</c> (default 600, far beyond the mail server's time to answer).
/// </summary>
public class NotificationOutbox(IDbContextFactory<PortalDbContext> dbFactory, MailSender mail, TimeProvider clock, IConfiguration configuration,
    ILogger<NotificationOutbox> logger)
{

    public TimeSpan ClaimTimeout => TimeSpan.FromSeconds(configuration.GetValue("Portal:Notifications:ClaimTimeoutSeconds", 600));

    /// <summary>Adds a message to the queue on this context; it is sent once the context is saved and a sender runs.</summary>
    public static void Enqueue(PortalDbContext db, string key, MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        db.OutgoingMails.Add(new OutgoingMail
        {
            Key = key, To = message.To.Mailboxes.First().Address, Message = Convert.ToBase64String(buffer.ToArray()), CreatedAt = db.UtcNow,
        });
    }

    /// <summary>
    /// Sends every message that is due and not claimed by another sender; returns how many this call sent. Stops at the first
    /// message the mail server could not take because it was down, giving that message's claim back for the next run.
    /// </summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var after = 0;
        while (true)
        {
            var stale = clock.GetUtcNow().UtcDateTime - ClaimTimeout;
            var ids = await Claimable(db.OutgoingMails, stale).Where(m => m.Id > after).OrderBy(m => m.Id).Select(m => m.Id).Take(20)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0) return sent;
            foreach (var id in ids)
            {
                after = id;
                var token = Guid.NewGuid().ToString("N");
                var now = clock.GetUtcNow().UtcDateTime;
                stale = now - ClaimTimeout;
                // The claim: of several senders running this same statement, the database lets exactly one change the row.
                var claimed = await Claimable(db.OutgoingMails.Where(m => m.Id == id), stale).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ClaimedAt, now).SetProperty(m => m.ClaimToken, token).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
                if (claimed == 0) continue;
                var text = await db.OutgoingMails.Where(m => m.Id == id).Select(m => m.Message).SingleAsync(cancellationToken);
                var message = MimeMessage.Load(new MemoryStream(Convert.FromBase64String(text)), cancellationToken);
                try
                {
                    await mail.SendAsync(message, cancellationToken);
                }
                catch (MailServerUnavailableException e)
                {
                    // Nothing reached the server: give the claim back so the next run sends it, and stop until then.
                    await Mine(db, id, token).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedAt, (DateTime?)null)
                        .SetProperty(m => m.ClaimToken, (string?)null).SetProperty(m => m.LastError, TextShortening.Shorten(e.Message, 1000)), CancellationToken.None);
                    logger.LogWarning("The mail server is down; {Count} queued messages wait for the next run", await Claimable(db.OutgoingMails, stale).CountAsync(CancellationToken.None));
                    return sent;
                }
                catch (SmtpCommandException e)
                {
                    // The server refused this message (an address it will not take): trying again would not change its mind.
                    await Mine(db, id, token).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, clock.GetUtcNow().UtcDateTime)
                        .SetProperty(m => m.LastError, TextShortening.Shorten(e.Message, 1000)), CancellationToken.None);
                    logger.LogWarning(e, "The mail server refused queued message {Id}", id);
                    continue;
                }
                await Mine(db, id, token).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
                sent++;
            }
        }
    }

    private static IQueryable<OutgoingMail> Claimable(IQueryable<OutgoingMail> mails, DateTime stale) =>
        mails.Where(m => m.SentAt == null && m.FailedAt == null && (m.ClaimedAt == null || m.ClaimedAt < stale));

    private static IQueryable<OutgoingMail> Mine(PortalDbContext db, int id, string token) => db.OutgoingMails.Where(m => m.Id == id && m.ClaimToken == token);

}

/// <summary>Sends the queue every <c>Portal:Notifications:OutboxSeconds</c> (default 30), and at once when something is queued here.</summary>
public class NotificationOutboxJob(IServiceScopeFactory scopes, NotificationSignal signal, IConfiguration configuration, ILogger<NotificationOutboxJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Portal:Notifications:OutboxEnabled", true)) return;
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Portal:Notifications:OutboxSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().SendPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending queued notifications failed");
            }
            try
            {
                await signal.WaitForWorkAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
