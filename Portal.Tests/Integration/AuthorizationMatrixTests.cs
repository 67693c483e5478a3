using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;

namespace Portal.Tests.Integration;

/// <summary>
/// Every page and file endpoint × every role, each cell with its expected outcome. Pages that exist but hold records the
/// user may not see must answer without leaking them: the record's distinctive text must not appear in the response.
/// </summary>
[Collection(nameof(ServerCollection))]
public class AuthorizationMatrixTests(PortalServer server) : IAsyncLifetime
{
    private const string DraftTitle = "ประชุมภายในเรื่องงบประมาณลับ";
    private const string TokenTitle = "KKTT ติดตามการยื่นขอเหรียญโทเคนดิจิทัลของจังหวัดขอนแก่น";
    private static readonly string[] RoleColumns = ["anonymous", Roles.Admin, Roles.Staff, Roles.Coordinator, Roles.Partner];
    private readonly Dictionary<string, string> ids = [];

    public async Task InitializeAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var dataDirectory = scope.ServiceProvider.GetRequiredService<DataDirectory>();
        var workshop = await db.Meetings.SingleAsync(m => m.RoomEn == "Aiyara Room");
        var kktt = await db.Organizations.SingleAsync(o => o.Acronym == "KKTT");
        var draft = await db.Meetings.FirstOrDefaultAsync(m => m.TitleTh == DraftTitle) ?? db.Meetings.Add(new Meeting
        {
            TitleTh = DraftTitle, TitleEn = "Confidential internal budget meeting", Date = new DateOnly(2024, 9, 9),
            StartTime = new TimeOnly(9, 0), HostOrganizationId = kktt.Id,
        }).Entity;
        await db.SaveChangesAsync();
        var token = await db.ActionItems.SingleAsync(i => i.TitleEn == DemoActionItems.DigitalTokenTitleEn);
        var report = await db.ActionItems.SingleAsync(i => i.TitleEn == DemoActionItems.WorldBankReportTitleEn);

        async Task<string> StoreAsync(string folder)
        {
            var stored = Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(Path.Combine(dataDirectory.Attachments, folder));
            await File.WriteAllBytesAsync(Path.Combine(dataDirectory.Attachments, folder, stored), "%PDF-1.7\n%%EOF"u8.ToArray());
            return stored;
        }
        MeetingAttachment Attachment(int meetingId, string stored) => new()
        {
            MeetingId = meetingId, FileName = "file.pdf", ContentType = "application/pdf", Size = 14, StoredName = stored, UploadedAt = DateTime.UtcNow, UploadedBy = "test",
        };
        ActionItemUpdate UpdateWithFile(int itemId, string stored) => new()
        {
            ActionItemId = itemId, Text = "file", AuthorName = "test", At = DateTime.UtcNow, AttachmentFileName = "file.pdf",
            AttachmentContentType = "application/pdf", AttachmentSize = 14, AttachmentStoredName = stored,
        };
        var workshopFile = db.MeetingAttachments.Add(Attachment(workshop.Id, await StoreAsync(workshop.Id.ToString()))).Entity;
        var draftFile = db.MeetingAttachments.Add(Attachment(draft.Id, await StoreAsync(draft.Id.ToString()))).Entity;
        var tokenFile = db.ActionItemUpdates.Add(UpdateWithFile(token.Id, await StoreAsync(Path.Combine("action-items", token.Id.ToString())))).Entity;
        var reportFile = db.ActionItemUpdates.Add(UpdateWithFile(report.Id, await StoreAsync(Path.Combine("action-items", report.Id.ToString())))).Entity;
        await db.SaveChangesAsync();

        ids["workshop"] = workshop.Id.ToString();
        ids["draft"] = draft.Id.ToString();
        ids["token"] = token.Id.ToString();
        ids["report"] = report.Id.ToString();
        ids["workshopFile"] = workshopFile.Id.ToString();
        ids["draftFile"] = draftFile.Id.ToString();
        ids["tokenFile"] = tokenFile.Id.ToString();
        ids["reportFile"] = reportFile.Id.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Outcomes: ok (200), login (sent to sign in), denied (sent to access denied), 404, and hidden: the page answers
    /// 200 but must not contain the secret text. Columns: anonymous, Admin, Staff, Coordinator, Partner (World Bank).
    /// </summary>
    public static TheoryData<string, string, string?> Cells => new()
    {
        { "/", "login ok ok ok hidden", TokenTitle },   // the dashboard lists overdue items: the token is KKTT's
        { "/meetings", "login ok ok ok ok", null },
        { "/notifications", "login ok ok ok ok", null },
        { "/notifications/settings", "login ok ok ok ok", null },
        { "/meetings/new", "login ok ok denied denied", null },
        { "/meetings/{workshop}", "login ok ok ok ok", null },
        { "/meetings/{draft}", "login ok ok ok hidden", DraftTitle },
        { "/meetings/{workshop}/minutes/versions/1", "login ok ok ok ok", null },
        { "/meetings/calendar.ics", "login ok ok ok hidden", DraftTitle },
        { "/meetings/{workshop}/calendar.ics", "login ok ok ok ok", null },
        { "/meetings/{draft}/calendar.ics", "login ok ok ok 404", null },
        { "/meetings/{workshop}/attendance.csv", "login ok ok ok denied", null },
        { "/meetings/{workshop}/attachments/{workshopFile}", "login ok ok ok ok", null },
        { "/meetings/{draft}/attachments/{draftFile}", "login ok ok ok 404", null },
        { "/meetings/{workshop}/attachments/{draftFile}", "login 404 404 404 404", null },
        { "/action-items", "login ok ok ok ok", null },   // rows load after the page connects; the export below carries the same query
        { "/action-items/export.csv", "login ok ok ok hidden", TokenTitle },
        { "/action-items/new", "login ok ok denied denied", null },
        { "/action-items/{report}", "login ok ok ok ok", null },
        { "/action-items/{token}", "login ok ok ok hidden", TokenTitle },
        { "/action-items/{token}/edit", "login ok ok denied denied", null },
        { "/action-items/{report}/updates/{reportFile}/attachment", "login ok ok ok ok", null },
        { "/action-items/{token}/updates/{tokenFile}/attachment", "login ok ok ok 404", null },
        { "/action-items/{report}/updates/{tokenFile}/attachment", "login 404 404 404 404", null },
        { "/organizations", "login ok ok ok denied", null },
        { "/organizations/new", "login ok ok denied denied", null },
        { "/people", "login ok ok ok denied", null },
        { "/meetings/{workshop}/import", "login ok ok denied denied", null },
        { "/people/import", "login ok ok denied denied", null },
        { "/organizations/import", "login ok ok denied denied", null },
        { "/reports", "login ok ok ok denied", null },
        { "/reports/engagement.xlsx?from=2023-10-01&to=2026-09-30", "login ok ok ok denied", null },
        { "/reports/engagement.pdf?from=2023-10-01&to=2026-09-30", "login ok ok ok denied", null },
        { "/admin/users", "login ok denied denied denied", null },
        { "/admin/audit", "login ok denied denied denied", null },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_gets_exactly_what_it_may_see(string template, string outcomes, string? secret)
    {
        var path = ids.Aggregate(template, (p, id) => p.Replace("{" + id.Key + "}", id.Value));
        var expected = outcomes.Split(' ');
        Assert.Equal(RoleColumns.Length, expected.Length);
        var failures = new List<string>();
        for (var i = 0; i < RoleColumns.Length; i++)
        {
            var client = RoleColumns[i] == "anonymous" ? server.NewClient() : await server.SignedInClientAsync(PortalHost.DemoAccount(RoleColumns[i]));
            var response = await client.GetAsync(path);
            // Calendar lines are folded at 75 octets; unfolded, a title reads whole again.
            var body = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "");
            var location = response.Headers.Location?.OriginalString ?? "";
            var actual = response.StatusCode switch
            {
                HttpStatusCode.OK when secret is not null && body.Contains(secret) => "leak",
                HttpStatusCode.OK when expected[i] == "hidden" => "hidden",
                HttpStatusCode.OK => "ok",
                HttpStatusCode.Redirect when location.Contains("/Account/Login") => "login",
                HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied") => "denied",
                HttpStatusCode.NotFound => "404",
                var other => $"{(int)other} {location}",
            };
            // Secrets must not reach anyone the cell hides them from. Those allowed must see them, which proves the
            // page really renders its records on the server, so that "hidden" means something.
            if (secret is not null && expected[i] == "ok")
                actual = actual switch { "leak" => "ok", "ok" => "ok without the record's text", _ => actual };
            if (actual != expected[i])
                failures.Add($"{RoleColumns[i]}: expected {expected[i]}, got {actual}");
        }
        Assert.True(failures.Count == 0, $"{path}: {string.Join("; ", failures)}");
    }
}
