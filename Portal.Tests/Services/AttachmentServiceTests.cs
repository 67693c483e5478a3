using System.Text;
using Microsoft.Extensions.Configuration;
using Portal.Auth;
using Portal.Features.Meetings;
using Portal.Validation;

namespace Portal.Tests.Services;

public class AttachmentServiceTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private PortalHost host = null!;
    private AttachmentService Attachments => host.Get<AttachmentService>();
    private int workshopId;

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
        workshopId = (await host.Get<MeetingListService>().ListAsync(new ListQuery("Aiyara", 0, 1, null, false), new MeetingFilter())).Items.Single().Id;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<SaveResult> UploadAsync(string name, byte[] content) => Attachments.AddAsync(workshopId, name, new MemoryStream(content), null);

    [Fact]
    public async Task A_file_is_stored_under_the_data_folder_by_a_name_the_portal_chose_and_read_back_whole()
    {
        var result = await UploadAsync("../../../etc/ใบลงชื่อ.pdf", Pdf);
        Assert.True(result.Succeeded);
        var opened = (await Attachments.OpenAsync(workshopId, result.Id!.Value))!.Value;
        await using (opened.Content)
        {
            Assert.Equal("ใบลงชื่อ.pdf", opened.Attachment.FileName);
            Assert.Equal("application/pdf", opened.Attachment.ContentType);
            Assert.Matches("^[0-9a-f]{32}$", opened.Attachment.StoredName);
            var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            Assert.Equal(Pdf, copy.ToArray());
        }
        var stored = Directory.GetFiles(Path.Combine(host.DataDirectory, "attachments", workshopId.ToString()));
        Assert.Single(stored);
    }

    [Theory]
    [InlineData("slides.exe", "Attachment.TypeNotAllowed")]
    [InlineData("photo.svg", "Attachment.TypeNotAllowed")]
    [InlineData("report.pdf.html", "Attachment.TypeNotAllowed")]
    [InlineData("disguised.pdf", "Attachment.ContentMismatch")]
    [InlineData("disguised.pptx", "Attachment.ContentMismatch")]
    public async Task Files_are_judged_by_their_content_as_well_as_their_name(string name, string error)
    {
        var result = await UploadAsync(name, Png);
        Assert.Equal(error, result.Errors["File"]!.Key);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "attachments", workshopId.ToString()))
            && Directory.GetFiles(Path.Combine(host.DataDirectory, "attachments", workshopId.ToString())).Length > 0);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_and_nothing_is_left_on_disk()
    {
        host.Get<IConfiguration>()["Portal:Attachments:MaxBytes"] = "1000";
        var result = await UploadAsync("big.png", [.. Png, .. new byte[2000]]);
        Assert.Equal("Attachment.TooLarge", result.Errors["File"]!.Key);
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataDirectory, "attachments", workshopId.ToString())));
        Assert.True((await UploadAsync("small.png", Png)).Succeeded);
    }

    [Fact]
    public async Task Only_users_who_may_see_the_meeting_can_open_its_files()
    {
        var result = await UploadAsync("photo.png", Png);
        var kktt = (await host.Get<Portal.Features.Organizations.OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var internalOnly = (await host.Get<MeetingService>().SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมภายใน", TitleEn = "Internal meeting", Date = new DateTime(2024, 10, 1), StartTime = new TimeSpan(9, 0, 0), HostOrganizationId = kktt,
        })).Id!.Value;
        var hidden = await Attachments.AddAsync(internalOnly, "internal.png", new MemoryStream(Png), null);

        await host.SignInAsRoleAsync(Roles.Partner);
        var visible = await Attachments.OpenAsync(workshopId, result.Id!.Value);
        Assert.NotNull(visible);
        await visible.Value.Content.DisposeAsync();
        Assert.Null(await Attachments.OpenAsync(internalOnly, hidden.Id!.Value));
        // An attachment id asked for under another meeting's id is not found either.
        Assert.Null(await Attachments.OpenAsync(workshopId, hidden.Id!.Value));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => UploadAsync("x.png", Png));
    }
}
