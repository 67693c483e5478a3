using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Portal.Data;

namespace Portal.Mail;

/// <summary>
/// Sends mail through the SMTP server in <c>Portal:Smtp</c> when one is configured; without one, writes each message as
/// an .eml file under <c>data/mail</c>, where it can be opened in any mail program and checked.
/// </summary>
public class MailSender(IConfiguration configuration, DataDirectory dataDirectory, ILogger<MailSender> logger)
{
    public string MailFolder => Path.Combine(dataDirectory.Path, "mail");

    public MailboxAddress From => new(configuration["Portal:Smtp:FromName"] ?? "KKTT Partner Portal",
        configuration["Portal:Smtp:From"] ?? "no-reply@kktt.local");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var host = configuration["Portal:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            Directory.CreateDirectory(MailFolder);
            var path = Path.Combine(MailFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("No SMTP server configured; wrote {Path}", path);
            return;
        }
        using var client = new SmtpClient();
        var port = configuration.GetValue<int?>("Portal:Smtp:Port") ?? 587;
        await client.ConnectAsync(host, port, port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (configuration["Portal:Smtp:User"] is { Length: > 0 } user)
            await client.AuthenticateAsync(user, configuration["Portal:Smtp:Password"] ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
