using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Portal.Data;

namespace Portal.Mail;

/// <summary>
/// Sends mail through the SMTP server in <c>Portal:Smtp</c> when one is configured; without one, writes each message as
/// an .eml file under <c>data/mail</c>, where it can be opened in any mail program and checked. Remembers whether the
/// server answered last time, for <c>/health</c>.
/// </summary>
public class MailSender(IConfiguration configuration, DataDirectory dataDirectory, TimeProvider clock, ILogger<MailSender> logger)
{
    /// <summary>How long the server has to answer each step; a frozen server fails the send after this, not after minutes.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(configuration.GetValue("Portal:Smtp:TimeoutSeconds", 20));

    public string MailFolder => Path.Combine(dataDirectory.Path, "mail");

    public bool HasServer => !string.IsNullOrWhiteSpace(configuration["Portal:Smtp:Host"]);

    /// <summary>The last time the server was reached or failed to be, and why; null before the first attempt.</summary>
    public MailServerStatus? Status { get; private set; }

    public MailboxAddress From => new(configuration["Portal:Smtp:FromName"] ?? "KKTT Partner Portal",
        configuration["Portal:Smtp:From"] ?? "no-reply@kktt.local");

    /// <exception cref="MailServerUnavailableException">The server could not be reached or stopped answering; nothing was sent.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (!HasServer)
        {
            Directory.CreateDirectory(MailFolder);
            var path = Path.Combine(MailFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("No SMTP server configured; wrote {Path}", path);
            return;
        }
        await WithServerAsync(client => client.SendAsync(message, cancellationToken), Timeout, cancellationToken);
    }

    /// <summary>Connects and says goodbye, to learn whether a server that failed answers again.</summary>
    public Task ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WithServerAsync(client => client.NoOpAsync(cancellationToken), timeout, cancellationToken);

    private async Task WithServerAsync(Func<SmtpClient, Task> work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (host, port) = (configuration["Portal:Smtp:Host"]!, configuration.GetValue<int?>("Portal:Smtp:Port") ?? 587);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, port, port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (configuration["Portal:Smtp:User"] is { Length: > 0 } user)
                await client.AuthenticateAsync(user, configuration["Portal:Smtp:Password"] ?? "", cancellationToken);
            await work(client);
            await client.DisconnectAsync(true, cancellationToken);
            Status = new MailServerStatus(true, clock.GetUtcNow().UtcDateTime, $"{host}:{port} answered");
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or ServiceNotConnectedException or SslHandshakeException or ProtocolException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is TimeoutException or OperationCanceledException ? $"{host}:{port} did not answer within {timeout.TotalSeconds:0} s" : $"{host}:{port}: {e.Message}";
            Status = new MailServerStatus(false, clock.GetUtcNow().UtcDateTime, reason);
            logger.LogWarning(e, "The mail server failed: {Reason}", reason);
            throw new MailServerUnavailableException(reason, e);
        }
    }
}

public sealed record MailServerStatus(bool Answered, DateTime AtUtc, string Description);

/// <summary>The mail server could not be reached or stopped answering: nothing was handed to it.</summary>
public sealed class MailServerUnavailableException(string reason, Exception inner) : Exception(reason, inner);
