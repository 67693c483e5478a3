using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Features.People;
using Xunit.Abstractions;

namespace Portal.Tests.Integration;

/// <summary>
/// The mail server broken for real: a smtp4dev of this test's own, frozen with SIGSTOP while staff send invitations.
/// The send stops after the server's time to answer, keeps every unsent invitation to send again, says why in the
/// reader's language, and <c>/health</c> says the mail server is down; thawed, <c>/health</c> turns Healthy by itself
/// and sending again delivers every invitation once.
/// </summary>
public sealed class MailFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int TimeoutSeconds = 2;
    private readonly HttpClient api = new();
    private Process smtp4dev = null!;
    private string smtp4devData = null!;
    private PortalServer server = null!;

    public async Task InitializeAsync()
    {
        var (smtpPort, apiPort) = (FreePort(), FreePort());
        smtp4devData = Directory.CreateTempSubdirectory("kktt-smtp4dev-").FullName;
        // setsid: the tool's launcher and the server it starts form one process group, frozen and stopped together.
        smtp4dev = Process.Start(new ProcessStartInfo("setsid",
        [
            "dotnet", "tool", "run", "smtp4dev", "--", $"--baseappdatapath={smtp4devData}", "--nousersettings", "--db=", "--bindaddress=127.0.0.1",
            "--disableipv6", $"--smtpport={smtpPort}", "--imapport=", "--pop3port=", "--messagestokeep=100", $"--urls=http://127.0.0.1:{apiPort}",
        ])
        { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true })!;
        smtp4dev.OutputDataReceived += (_, _) => { };
        smtp4dev.ErrorDataReceived += (_, _) => { };
        smtp4dev.BeginOutputReadLine();
        smtp4dev.BeginErrorReadLine();
        api.BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/");
        await WaitUntilAsync(async () =>
        {
            try { return (await api.GetAsync("api/messages")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(90), "smtp4dev did not start");

        server = new PortalServer(new Dictionary<string, string>
        {
            ["Portal:Smtp:Host"] = "127.0.0.1", ["Portal:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Smtp:TimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Reminders:Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Signal("CONT");
        Signal("KILL");
        await smtp4dev.WaitForExitAsync();
        smtp4dev.Dispose();
        api.Dispose();
        Directory.Delete(smtp4devData, recursive: true);
    }

    [Fact]
    public async Task A_frozen_mail_server_stops_the_send_keeps_the_rest_says_so_and_health_recovers_by_itself()
    {
        var meetingId = await MeetingWithInviteesAsync(3);
        var http = server.CreateClient();

        Signal("STOP");
        InvitationMailer.SendOutcome frozen;
        var watch = Stopwatch.StartNew();
        try
        {
            frozen = await server.AsDemoUserAsync(Roles.Staff, services => services.GetRequiredService<InvitationMailer>().SendInvitationsAsync(meetingId));
            output.WriteLine($"send meeting a frozen mail server: {watch.Elapsed.TotalSeconds:0.0} s");
            // Once the time to answer (and the agenda's printing), not once per invitee.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(TimeoutSeconds * 2 + 20), $"the send took {watch.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(0, frozen.Sent);
            Assert.Equal("Invitation.MailServerDown", frozen.Errors[""]!.Key);
            Assert.Equal(3, await server.QueryAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meetingId && i.SentAt == null)));

            var health = await http.GetAsync("/health");
            var body = await health.Content.ReadAsStringAsync();
            output.WriteLine(body);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);   // the portal serves pages without mail
            Assert.Contains($"mail: Degraded - 127.0.0.1:", body);
            Assert.Contains($"did not answer within {TimeoutSeconds} s", body);
            Assert.DoesNotContain("mail:", await (await http.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        }
        finally
        {
            Signal("CONT");
        }

        // Nobody sends anything: /health asks the server again by itself.
        watch.Restart();
        await WaitUntilAsync(async () => (await http.GetStringAsync("/health")).Contains("mail: Healthy"), TimeSpan.FromSeconds(40),
            "/health did not see the mail server back");
        output.WriteLine($"/health Healthy again {watch.Elapsed.TotalSeconds:0.0} s after the thaw");

        var again = await server.AsDemoUserAsync(Roles.Staff, services => services.GetRequiredService<InvitationMailer>().SendInvitationsAsync(meetingId));
        Assert.True(again.Errors.IsValid);
        Assert.Equal(3, again.Sent);
        Assert.Equal(0, await server.QueryAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meetingId && i.SentAt == null)));
        var received = JsonDocument.Parse(await api.GetStringAsync("api/messages")).RootElement.GetProperty("results").GetArrayLength();
        Assert.Equal(3, received);   // each once: nothing half-sent during the freeze
    }

    private async Task<int> MeetingWithInviteesAsync(int count) => await server.QueryAsync(async db =>
    {
        var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
        var agency = await db.Organizations.SingleAsync(o => o.Acronym == "DEPA");
        var meeting = db.Meetings.Add(new Meeting
        {
            TitleTh = "ประชุมทดสอบเมื่อเซิร์ฟเวอร์อีเมลหยุด", TitleEn = "Mail server fault test", Kind = MeetingKind.Consultation,
            Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10), StartTime = new TimeOnly(9, 30), HostOrganizationId = kktt.Id,
        }).Entity;
        for (var i = 0; i < count; i++)
        {
            var person = db.People.Add(new Person
            {
                GivenNameTh = $"ผู้รับ{i}", FamilyNameTh = "ทดสอบ", GivenNameEn = $"Recipient{i}", FamilyNameEn = "Test", Organization = agency,
                Email = $"recipient{i}@depa.example",
            }).Entity;
            db.Invitations.Add(new Invitation { Meeting = meeting, Person = person, OrganizationId = agency.Id, AnswerKey = Guid.NewGuid().ToString("N") });
        }
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    private void Signal(string signal)
    {
        if (smtp4dev.HasExited && signal != "KILL") return;
        Process.Start("kill", [$"-{signal}", "--", $"-{smtp4dev.Id}"])!.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout) Assert.Fail($"{failure} within {timeout.TotalSeconds:0} s");
            await Task.Delay(250);
        }
    }
}
