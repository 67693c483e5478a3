using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Auth;
using Portal.Features.Distribution;
using Portal.Features.Meetings;
using Portal.Features.Minutes;
using Portal.Features.Organizations;
using Portal.Features.People;
using Xunit.Abstractions;
using static Portal.Features.Distribution.DistributionService;

namespace Portal.Tests.Integration;

/// <summary>
/// The approved minutes sent through a real SMTP server: a smtp4dev of this test's own that refuses every address with
/// "refused" in it, and is frozen (SIGSTOP) to be a server that is down. What arrived is read back raw: subject (Thai
/// encoded), recipients (each once), the PDF in the recipient's language (pdftotext), the link to the meeting; the receipts
/// say accepted, refused or not sent, and a retry sends only what was not sent.
/// </summary>
public sealed partial class DistributionTests(ITestOutputHelper output) : IAsyncLifetime
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
        var start = new ProcessStartInfo("setsid",
        [
            "dotnet", "tool", "run", "smtp4dev", "--", $"--baseappdatapath={smtp4devData}", "--nousersettings", "--db=", "--bindaddress=127.0.0.1",
            "--disableipv6", $"--smtpport={smtpPort}", "--imapport=", "--pop3port=", "--messagestokeep=200", $"--urls=http://127.0.0.1:{apiPort}",
        ])
        { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        // smtp4dev's own setting (a JavaScript expression): refuse RCPT TO for these addresses with 550.
        start.Environment["ServerOptions__RecipientValidationExpression"] = "!String(recipient).includes(\"refused\")";
        smtp4dev = Process.Start(start)!;
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
        server.Services.GetRequiredService<IConfiguration>()["Portal:PublicUrl"] = server.BaseAddress;
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
    public async Task Approved_minutes_reach_each_recipient_once_in_their_language_with_receipts_and_a_corrected_version_survives_a_mail_server_outage()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var meetingId = await ApprovedMeetingAsync(run);

        // The preview: every attendee and contact, each address once, its language, and who is skipped.
        var preview = (await server.AsDemoUserAsync(Roles.Coordinator, s => s.GetRequiredService<DistributionService>().PreviewAsync(meetingId)))!;
        Recipient Of(string address) => Assert.Single(preview.Recipients, r => r.Address == address);
        Assert.Equal(1, preview.Version);
        Assert.Equal((DeliveryRecipient.Attendee, PrintLanguage.Thai, RecipientState.ToSend), (Of($"thai-{run}@agency.example").Kind, Of($"thai-{run}@agency.example").Language, Of($"thai-{run}@agency.example").State));
        Assert.Equal(PrintLanguage.English, Of($"wb-{run}@worldbank.example").Language);
        Assert.Equal(PrintLanguage.Bilingual, Of($"refused-{run}@university.example").Language);
        Assert.Equal(DeliveryRecipient.OrganizationContact, Of($"contact-{run}@agency.example").Kind);
        var noEmail = Assert.Single(preview.Recipients, r => r.Name.In(true).Contains("ไม่มีอีเมล" + run));
        Assert.Equal(RecipientState.NoEmail, noEmail.State);
        var addresses = preview.Recipients.Where(r => r.Address is not null).Select(r => r.Address!.ToLowerInvariant()).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.DoesNotContain(preview.Recipients, r => r.Name.In(true).Contains("ไม่มีอีเมลผู้ติดต่อ" + run)); // a contact without address of an organization reached otherwise
        // A stand-in named after an organization none of whose people has an address: listed once, the organization not beside it again.
        var standIn = Assert.Single(preview.Recipients, r => r.Organization?.Th == "หอการค้าทดสอบ " + run);
        Assert.Equal(("ผู้แทน หอการค้าทดสอบ " + run, RecipientState.NoEmail), (standIn.Name.In(true), standIn.State));
        Assert.Null(standIn.OrganizationShown);
        Assert.Equal("สำนักงานทดสอบ " + run, Of($"thai-{run}@agency.example").OrganizationShown?.Th);

        var first = await server.AsDemoUserAsync(Roles.Coordinator, s => s.GetRequiredService<DistributionService>().SendAsync(meetingId));
        Assert.Equal("Distribution.SomeFailed", first.Errors[""]!.Key);   // says why first (a printer down would say Distribution.PrinterDown)
        Assert.Equal(preview.ToSend - 1, first.Accepted);
        Assert.Equal(1, first.Refused);

        var thai = await ReceivedAsync($"thai-{run}@agency.example");
        Assert.Equal("รายงานการประชุมทดสอบการส่ง " + run, thai.Message.Subject);   // "รายงานการประชุม" + title without its ประชุม
        Assert.Matches("(?im)^Subject: =\\?utf-8\\?[bq]\\?", thai.Raw);
        Assert.Contains("เรียน นายสมชาย ทดสอบ" + run, thai.Message.TextBody);
        // Outside recipients have no account: the letter says the attachment is the minutes and the link is for account holders.
        Assert.Contains("รายงานการประชุมคือไฟล์ PDF ที่แนบมากับอีเมลนี้", thai.Message.TextBody);
        Assert.Contains("สำหรับผู้ที่มีบัญชีผู้ใช้ในพอร์ทัลภาคีเครือข่าย KKTT เท่านั้น", thai.Message.TextBody);
        var thaiPdf = await PdfTextAsync(thai.Message);
        Assert.Contains("ทดสอบการส่ง " + run, thaiPdf);
        Assert.DoesNotContain("Distribution test " + run, thaiPdf);

        var english = await ReceivedAsync($"wb-{run}@worldbank.example");
        Assert.Equal("Minutes: Distribution test " + run, english.Message.Subject);
        Assert.Contains("The minutes are the PDF attached to this e-mail", english.Message.TextBody);
        Assert.Contains("Only if you have an account in the KKTT Partner Portal", english.Message.TextBody);
        Assert.DoesNotContain("บัญชีผู้ใช้", english.Message.TextBody);
        var englishPdf = await PdfTextAsync(english.Message);
        Assert.Contains("Distribution test " + run, englishPdf);
        Assert.DoesNotContain("ทดสอบการส่ง", englishPdf);

        // The link is to the meeting in the portal, and it opens for a partner whose organization took part.
        var link = MeetingLink().Match(english.Message.TextBody!).Value;
        Assert.Equal($"{server.BaseAddress}/meetings/{meetingId}", link.TrimEnd('/'));
        using var partner = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        var opened = await partner.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Distribution test " + run, await opened.Content.ReadAsStringAsync());
        Assert.Empty(await AllToAsync($"refused-{run}@university.example"));

        var receipts = await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().ReceiptsAsync(meetingId));
        var refused = Assert.Single(receipts, r => r.Address == $"refused-{run}@university.example");
        Assert.Equal(DeliveryOutcome.Refused, refused.Outcome);
        Assert.StartsWith("550", refused.Reason);
        Assert.Equal(PrintLanguage.Bilingual, refused.Language);
        Assert.All(receipts.Where(r => r != refused), r => Assert.Equal(DeliveryOutcome.Accepted, r.Outcome));
        var receiptIds = receipts.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(receipts.Count, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(MinutesDelivery) && receiptIds.Contains(e.EntityId))));

        // A correction, approved as version 2, goes out as ฉบับแก้ไข with its reason — while the mail server is frozen.
        const string reason = "แก้ไขชื่อผู้เข้าร่วมประชุมให้ถูกต้อง";
        await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.StartCorrection, reason));
        await ApproveAsync(meetingId);
        int toSend;
        Signal("STOP");
        try
        {
            toSend = (await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().PreviewAsync(meetingId)))!.ToSend;
            var watch = Stopwatch.StartNew();
            var down = await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().SendAsync(meetingId));
            output.WriteLine($"send to a frozen server: {watch.Elapsed.TotalSeconds:0.0} s for {toSend} recipients");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(TimeoutSeconds * 2 + 30), $"took {watch.Elapsed.TotalSeconds:0.0} s");
            // The first was tried and timed out: a failure with its reason; the rest were not tried.
            Assert.Equal((0, 1, toSend - 1), (down.Accepted, down.Failed, down.NotSent));
            Assert.Equal("Distribution.MailServerDown", down.Errors[""]!.Key);
        }
        finally
        {
            Signal("CONT");
        }
        var notSent = await server.QueryAsync(db => db.MinutesDeliveries.Where(d => d.MeetingId == meetingId && d.Version == 2).ToListAsync());
        Assert.Equal(toSend, notSent.Count);
        var timedOut = Assert.Single(notSent, d => d.Outcome != DeliveryOutcome.NotSent);
        Assert.Equal(DeliveryOutcome.Failed, timedOut.Outcome);
        Assert.True(TimedOut(timedOut.Reason), timedOut.Reason);   // the page says "timed out" in the reader's language
        Assert.All(notSent, d => Assert.Contains("did not answer", d.Reason));

        var retry = await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().SendAsync(meetingId));
        Assert.Equal(toSend - 1, retry.Accepted);   // all but the refused address
        var again = await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().SendAsync(meetingId));
        Assert.Equal((0, 0, 0), (again.Accepted, again.Refused, again.Failed));   // nothing is sent twice

        var corrected = (await AllToAsync($"thai-{run}@agency.example")).Where(m => m.Message.Subject?.Contains("ฉบับแก้ไข") == true).ToList();
        var message = Assert.Single(corrected).Message;
        Assert.Equal($"รายงานการประชุมทดสอบการส่ง {run} (ฉบับแก้ไข ครั้งที่ 2: {reason})", message.Subject);
        Assert.Contains(reason, message.TextBody);
        Assert.Contains("ฉบับแก้ไข", message.TextBody);
        var englishCorrected = Assert.Single(await AllToAsync($"wb-{run}@worldbank.example"), m => m.Message.Subject?.Contains("corrected version 2") == true);
        Assert.Contains(reason, englishCorrected.Message.TextBody);
        // Each address got version 1 once and version 2 once.
        Assert.Equal(2, (await AllToAsync($"contact-{run}@agency.example")).Count);

        // Resending to one recipient: one more message to that address only, one more receipt.
        var receipt = (await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().ReceiptsAsync(meetingId)))
            .First(r => r.Address == $"contact-{run}@agency.example");
        var resent = await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().ResendAsync(meetingId, receipt.Id));
        Assert.Equal(1, resent.Accepted);
        Assert.Equal(3, (await AllToAsync($"contact-{run}@agency.example")).Count);
        Assert.Equal(2, (await AllToAsync($"thai-{run}@agency.example")).Count);

        // Counted by recipient, not by attempt: the contact (timed out or not tried, then sent, then sent again) counts once, as
        // accepted; each recipient of version 2 is one row whose attempts are all kept.
        var all = await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().ReceiptsAsync(meetingId));
        var rows = ByRecipient(all);
        Assert.Equal(toSend, rows.Count(r => r.Version == 2));
        Assert.Equal(2 * toSend + 1, rows.Where(r => r.Version == 2).Sum(r => r.Attempts.Count));
        var contactRow = Assert.Single(rows, r => r.Version == 2 && r.Latest.Address == $"contact-{run}@agency.example");
        Assert.Equal(3, contactRow.Attempts.Count);
        Assert.Equal(DeliveryOutcome.Accepted, contactRow.Latest.Outcome);
        Assert.Equal(new Dictionary<DeliveryOutcome, int> { [DeliveryOutcome.Accepted] = toSend - 1, [DeliveryOutcome.Refused] = 1 }, CountByOutcome(rows));

        // Everyone is reached: nobody is left to send to, and the preview still lists who got it.
        var after = (await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().PreviewAsync(meetingId)))!;
        Assert.Equal((0, toSend - 1), (after.ToSend, after.AlreadySent));
    }

    [Fact]
    public async Task Partners_cannot_send_list_or_resend_and_see_new_minutes_of_their_organization_on_the_dashboard()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var meetingId = await ApprovedMeetingAsync(run);
        await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().SendAsync(meetingId));
        var receiptId = await server.QueryAsync(db => db.MinutesDeliveries.Where(d => d.MeetingId == meetingId).Select(d => d.Id).FirstAsync());
        var sent = await server.QueryAsync(db => db.MinutesDeliveries.CountAsync());

        foreach (var call in new Func<DistributionService, Task>[]
        {
            s => s.PreviewAsync(meetingId), s => s.SendAsync(meetingId), s => s.ResendAsync(meetingId, receiptId), s => s.ReceiptsAsync(meetingId),
        })
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                server.AsDemoUserAsync(Roles.Partner, async s => { await call(s.GetRequiredService<DistributionService>()); return 0; }));
        Assert.Equal(sent, await server.QueryAsync(db => db.MinutesDeliveries.CountAsync()));

        // The partner's meeting page has no sending and no receipts; the dashboard lists the new minutes first.
        using var partner = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        var page = await partner.GetStringAsync($"/meetings/{meetingId}");
        Assert.DoesNotContain("data-testid=\"distribution\"", page);
        Assert.DoesNotContain($"thai-{run}@agency.example", page);
        var newMinutes = await server.AsDemoUserAsync(Roles.Partner, s => s.GetRequiredService<DistributionService>().NewMinutesAsync());
        Assert.Equal(meetingId, newMinutes[0].MeetingId);
        Assert.Equal("Distribution test " + run, newMinutes[0].Title.En);
        Assert.Empty(await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<DistributionService>().NewMinutesAsync()));
        // A partner of an organization that did not take part sees nothing of it.
        var other = await server.NewAccountAsync(Roles.Partner, "KKCC");
        Assert.DoesNotContain(await server.AsUserAsync(other, s => s.GetRequiredService<DistributionService>().NewMinutesAsync()), m => m.MeetingId == meetingId);

        using var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        Assert.Contains("data-testid=\"distribution\"", await staff.GetStringAsync($"/meetings/{meetingId}"));
    }

    /// <summary>
    /// A meeting held yesterday, its minutes approved: a Thai agency's attendee and a contact (and a contact without address),
    /// a World Bank attendee, a university asking for both languages whose attendee's address is refused, and an attendee
    /// without an address.
    /// </summary>
    private async Task<int> ApprovedMeetingAsync(string run)
    {
        var meetingId = await server.QueryAsync(async db =>
        {
            var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
            var worldBank = await db.Organizations.SingleAsync(o => o.Acronym == "WB");
            var agency = db.Organizations.Add(new Organization { NameTh = "สำนักงานทดสอบ " + run, NameEn = "Test Office " + run, Kind = OrganizationKind.GovernmentAgency }).Entity;
            var university = db.Organizations.Add(new Organization
            {
                NameTh = "มหาวิทยาลัยทดสอบ " + run, NameEn = "Test University " + run, Kind = OrganizationKind.University, MinutesLanguage = PrintLanguage.Bilingual,
            }).Entity;
            Person P(string th, string en, Organization organization, string? email) => db.People.Add(new Person
            {
                Honorific = Honorific.Mr, GivenNameTh = th, FamilyNameTh = "ทดสอบ" + run, GivenNameEn = en, FamilyNameEn = "Test" + run, Organization = organization, Email = email,
            }).Entity;
            var thai = P("สมชาย", "Somchai", agency, $"thai-{run}@agency.example");
            P("ผู้ติดต่อ", "Contact", agency, $"contact-{run}@agency.example");
            P("ไม่มีอีเมลผู้ติดต่อ" + run, "NoAddressContact", agency, null);
            var none = P("ไม่มีอีเมล" + run, "NoAddress", agency, null);
            var wb = P("แอนนา", "Anna", worldBank, $"wb-{run}@worldbank.example");
            var refused = P("ปฏิเสธ", "Refused", university, $"refused-{run}@university.example");
            var chamber = db.Organizations.Add(new Organization { NameTh = "หอการค้าทดสอบ " + run, NameEn = "Test Chamber " + run, Kind = OrganizationKind.BusinessAssociation }).Entity;
            var standIn = db.People.Add(new Person
            {
                GivenNameTh = "ผู้แทน", FamilyNameTh = chamber.NameTh, GivenNameEn = "Representative of", FamilyNameEn = chamber.NameEn, Organization = chamber,
            }).Entity;
            var meeting = db.Meetings.Add(new Meeting
            {
                TitleTh = "ประชุมทดสอบการส่ง " + run, TitleEn = "Distribution test " + run, Kind = MeetingKind.Consultation,
                Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1), StartTime = new TimeOnly(9, 30), HostOrganizationId = kktt.Id,
                Attendees =
                [
                    new Attendee { Person = thai, Organization = agency, Role = AttendeeRole.Chair, Status = AttendanceStatus.Present },
                    new Attendee { Person = wb, Organization = worldBank, Role = AttendeeRole.Participant, Status = AttendanceStatus.Present },
                    new Attendee { Person = refused, Organization = university, Role = AttendeeRole.Participant, Status = AttendanceStatus.Present },
                    new Attendee { Person = none, Organization = agency, Role = AttendeeRole.Participant, Status = AttendanceStatus.Present },
                    new Attendee { Person = standIn, Organization = chamber, Role = AttendeeRole.Participant, Status = AttendanceStatus.Present },
                ],
            }).Entity;
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        Assert.True((await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.SubmitForReview))).IsValid);
        Assert.True((await server.AsDemoUserAsync(Roles.Coordinator, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.Approve))).IsValid);
        return meetingId;
    }

    private async Task ApproveAsync(int meetingId)
    {
        Assert.True((await server.AsDemoUserAsync(Roles.Staff, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.SubmitForReview))).IsValid);
        Assert.True((await server.AsDemoUserAsync(Roles.Coordinator, s => s.GetRequiredService<MinutesService>().TransitionAsync(meetingId, MinutesTransition.Approve))).IsValid);
    }

    private sealed record Received(MimeMessage Message, string Raw);

    /// <summary>Every message smtp4dev received for this address, read raw.</summary>
    private async Task<List<Received>> AllToAsync(string address)
    {
        var found = new List<Received>();
        using var list = JsonDocument.Parse(await api.GetStringAsync("api/messages?pageSize=1000"));
        foreach (var message in list.RootElement.GetProperty("results").EnumerateArray())
        {
            var raw = await api.GetStringAsync($"api/messages/{message.GetProperty("id").GetString()}/raw");
            var parsed = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
            if (parsed.To.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                found.Add(new Received(parsed, raw));
        }
        return found;
    }

    private async Task<Received> ReceivedAsync(string address)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if ((await AllToAsync(address)) is [var one, ..]) return one;
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"smtp4dev received nothing for {address}.");
    }

    /// <summary>The one PDF attached, checked to be a PDF, as text.</summary>
    private static async Task<string> PdfTextAsync(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "application/pdf");
        using var pdf = new MemoryStream();
        await part.Content!.DecodeToAsync(pdf);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.ToArray(), 0, 5));
        return await Poppler.RunAsync("pdftotext", pdf.ToArray());
    }

    [GeneratedRegex(@"https?://\S+/meetings/\d+")]
    private static partial Regex MeetingLink();

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
