using System.Net;
using Ical.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;

namespace Portal.Tests.Integration;

[Collection(nameof(ServerCollection))]
public class MeetingEndpointTests(PortalServer server)
{
    private Task<int> WorkshopIdAsync() => server.WorkshopIdAsync();

    /// <summary>Puts a file on a meeting the way the upload does, without a browser.</summary>
    private async Task<int> AttachAsync(int meetingId, byte[] content, string fileName, string contentType)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var dataDirectory = scope.ServiceProvider.GetRequiredService<DataDirectory>();
        var storedName = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Path.Combine(dataDirectory.Attachments, meetingId.ToString()));
        await File.WriteAllBytesAsync(Path.Combine(dataDirectory.Attachments, meetingId.ToString(), storedName), content);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var attachment = new MeetingAttachment
        {
            MeetingId = meetingId, FileName = fileName, ContentType = contentType, Size = content.Length, StoredName = storedName,
            UploadedAt = DateTime.UtcNow, UploadedBy = "test",
        };
        db.MeetingAttachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    [Fact]
    public async Task A_meeting_downloads_as_an_iCalendar_file_and_the_feed_lists_every_meeting()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var id = await WorkshopIdAsync();
        var response = await client.GetAsync($"/meetings/{id}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".ics", response.Content.Headers.ContentDisposition!.FileName);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", e.Summary);
        // The configured public address (the default here), not the address the request came to.
        Assert.Equal($"{Portal.Hosting.PublicAddress.Default}meetings/{id}", e.Url!.ToString());

        var feed = Calendar.Load(await client.GetStringAsync("/meetings/calendar.ics"))!;
        Assert.True(feed.Events.Count >= 2);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/999999/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task Attachments_download_as_files_only_for_users_who_may_see_the_meeting()
    {
        var id = await WorkshopIdAsync();
        var pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
        var attachmentId = await AttachAsync(id, pdf, "ใบลงชื่อ 31 ก.ค. 2567.pdf", "application/pdf");

        var staff = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));
        var response = await staff.GetAsync($"/meetings/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("ใบลงชื่อ 31 ก.ค. 2567.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // The World Bank attended and the minutes are approved: its partner may download.
        var worldBank = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner));
        Assert.Equal(HttpStatusCode.OK, (await worldBank.GetAsync($"/meetings/{id}/attachments/{attachmentId}")).StatusCode);
        // CMKL did not attend the workshop: neither the file nor the calendar entry exists for its partner.
        var cmkl = await server.PartnerClientAsync("CMKL");
        Assert.Equal(HttpStatusCode.NotFound, (await cmkl.GetAsync($"/meetings/{id}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cmkl.GetAsync($"/meetings/{id}/calendar.ics")).StatusCode);
        Assert.Empty(Calendar.Load(await cmkl.GetStringAsync("/meetings/calendar.ics"))!.Events);
        // Another meeting's id in the path does not reach this file.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/meetings/{id - 1}/attachments/{attachmentId}")).StatusCode);
    }

    [Fact]
    public async Task Attendance_and_the_filtered_action_items_export_as_CSV_that_Excel_reads_as_Thai()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Coordinator));
        var response = await client.GetAsync($"/meetings/{await WorkshopIdAsync()}/attendance.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);   // a header and the 19 attendees
        Assert.StartsWith("#,ชื่อ-นามสกุล,", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("1,นายสุรเดช ทวีแสงสกุลไทย,บริษัท ขอนแก่นพัฒนาเมือง จำกัด,"));

        var overdue = await client.GetStringAsync("/action-items/export.csv?overdue=true");
        var rows = overdue.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains("โทเคน", rows[1]);
        Assert.Contains(",ติดขัด,", rows[1]);   // the status, in the reader's language
    }

    [Fact]
    public async Task The_meeting_page_renders_the_workshop_on_the_server()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Coordinator));
        var html = await client.GetStringAsync($"/meetings/{await WorkshopIdAsync()}");
        Assert.Contains("ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", html);
        Assert.Contains("19 คน จาก 19 หน่วยงาน", html);
        Assert.Contains("ระเบียบวาระที่ 4", html);

        // The World Bank's page lists the meetings it took part in (other tests on this server may add more).
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var worldBank = await db.Organizations.Where(o => o.Acronym == "WB").Select(o => o.Id).SingleAsync();
        var organizationPage = await client.GetStringAsync($"/organizations/{worldBank}");
        Assert.Contains("การประชุมที่เข้าร่วม (", organizationPage);
        Assert.Contains("ศูนย์ปฏิบัติการเมืองอัจฉริยะ (SCOPC)", organizationPage);
        Assert.Contains("ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น", organizationPage);
    }
}
