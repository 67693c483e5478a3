using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Features.ActionItems;
using Portal.Mail;
using static Portal.Tests.Unit.ActionDueTests;

namespace Portal.Tests.Services;

public class ReminderServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync() => host = await PortalHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private ReminderService ServiceAt(DateTimeOffset now) => new(
        host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>(), host.Get<MailSender>(),
        host.Get<Microsoft.Extensions.Configuration.IConfiguration>(), new FixedClock(now), host.Get<Portal.Hosting.PublicAddress>(),
        host.Get<Portal.Features.Notifications.NotificationOutbox>(), host.Get<Portal.Features.Notifications.Notifier>());

    [Fact]
    public void Reminder_links_point_to_the_configured_public_address()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://portal.kktt.example/partners" }).Build();
        var service = new ReminderService(host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>(), host.Get<MailSender>(),
            settings, TimeProvider.System, new Portal.Hosting.PublicAddress(settings),
            host.Get<Portal.Features.Notifications.NotificationOutbox>(), host.Get<Portal.Features.Notifications.Notifier>());
        var today = new DateOnly(2026, 12, 1);
        var item = new ActionItem { Id = 42, TitleTh = "ส่งรายงาน", TitleEn = "Send the report", DueDate = today, Status = ActionStatus.Open };
        var message = service.Compose(new ReminderService.Digest("somchai@kku.ac.th", "สมชาย", [item]), today);
        Assert.Contains("https://portal.kktt.example/partners/action-items/42", message.TextBody);
        Assert.DoesNotContain("localhost", message.TextBody);
    }

    [Fact]
    public async Task Without_SMTP_the_daily_digests_are_written_as_eml_files_once_a_day()
    {
        var mailFolder = host.Get<MailSender>().MailFolder;
        // The demo's due dates count from the day it was loaded; five days on, the World Bank's item (due in 10) is within the week.
        // Noon in Bangkok, so that an hour later is still the same day whenever the test runs (at 23:30 it was not).
        var now = new DateTimeOffset(ActionDue.Today(TimeProvider.System).AddDays(5).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));
        var sent = await ServiceAt(now).SendDueRemindersAsync();
        Assert.True(sent >= 1);
        var files = Directory.GetFiles(mailFolder, "*.eml");
        Assert.Equal(sent, files.Length);

        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        var worldBank = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "partner.worldbank@kktt.demo"));
        Assert.Contains("ภารกิจที่ใกล้ครบกำหนดและเลยกำหนด", worldBank.Subject);
        Assert.Contains("Thailand Economic Monitor", worldBank.TextBody);
        Assert.Contains("/action-items/", worldBank.TextBody);
        // The World Bank's partner hears only of the World Bank's item, not KKTT's overdue token.
        Assert.DoesNotContain("digital token", worldBank.TextBody);

        // Same day again, or a second instance: nothing more is sent.
        Assert.Equal(0, await ServiceAt(now.AddHours(1)).SendDueRemindersAsync());
        Assert.Equal(files.Length, Directory.GetFiles(mailFolder, "*.eml").Length);
    }

    [Fact]
    public async Task Items_far_in_the_future_are_not_reminded_until_they_come_close()
    {
        var service = ServiceAt(DateTimeOffset.UtcNow);
        await using var db = await host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        var today = ActionDue.Today(TimeProvider.System);
        var soon = (await service.BuildDigestsAsync(db, today, CancellationToken.None)).SelectMany(d => d.Items).Select(i => i.TitleEn).Distinct().ToList();
        Assert.DoesNotContain(soon, t => t.StartsWith("World Bank shares"));      // due in 10 days
        Assert.Contains(soon, t => t.Contains("digital token"));                  // overdue
        Assert.Contains(soon, t => t.Contains("Funding City"));                   // due in 5 days
        Assert.DoesNotContain(soon, t => t.StartsWith("KKTT sends the minutes"));  // done
        var later = (await service.BuildDigestsAsync(db, today.AddDays(3), CancellationToken.None)).SelectMany(d => d.Items).Select(i => i.TitleEn).ToList();
        Assert.Contains(later, t => t.StartsWith("World Bank shares"));
    }
}
