using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.Users;
using Portal.Validation;

namespace Portal.Tests.Services;

/// <summary>
/// Text saved through the services comes back without control characters and bidi overrides, whichever service saved
/// it (the data context cleans every text property before it is written). On PostgreSQL a NUL would not even be stored.
/// </summary>
public class StoredTextTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Admin);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<T> StoredAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [Fact]
    public async Task A_name_with_a_bidi_override_a_NUL_and_a_BEL_is_read_back_clean_and_notes_keep_their_lines()
    {
        var saved = await host.Get<OrganizationService>().SaveAsync(null, new OrganizationForm
        {
            NameTh = "สำนักงาน\u202Eทดสอบ\u0000ข้อความ\u0007",
            NameEn = "Test\u2066 Office\u0000\u0007",
            Acronym = "\u202E\u0007",
            Province = "ขอนแก่น\r\n",
            Notes = "บรรทัดที่ 1\u202E\r\n\tบรรทัดที่ 2\u0000\u001B[31m",
        });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));

        var organization = (await host.Get<OrganizationService>().GetAsync(saved.Id!.Value))!;
        Assert.Equal("สำนักงานทดสอบข้อความ", organization.NameTh);
        Assert.Equal("Test Office", organization.NameEn);
        Assert.Null(organization.Acronym);
        Assert.Equal("ขอนแก่น", organization.Province);
        Assert.Equal("บรรทัดที่ 1\r\n\tบรรทัดที่ 2[31m", organization.Notes);
        // Searchable by the clean name, and the audit log records what was stored, not what was typed.
        Assert.Contains(organization.Id, (await host.Get<OrganizationService>().ListAsync(new ListQuery("สำนักงาน\u0000ทดสอบ\u202E", 0, 10, null, false))).Items.Select(o => o.Id));
        // The same name with other controls in it is the same name.
        var again = await host.Get<OrganizationService>().SaveAsync(null, new OrganizationForm { NameTh = "สำนักงาน\u2066ทดสอบข้อความ\u0000", NameEn = "Another office" });
        Assert.Equal("Organization.DuplicateName", again.Errors["NameTh"]?.Key);
        var audit = await StoredAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Organization) && a.EntityId == organization.Id.ToString()).SingleAsync());
        Assert.Contains("สำนักงานทดสอบข้อความ", audit.Changes);
    }

    [Fact]
    public async Task A_required_name_of_nothing_but_controls_is_refused_rather_than_stored_empty()
    {
        var result = await host.Get<OrganizationService>().SaveAsync(null, new OrganizationForm { NameTh = "\u202E\u0000", NameEn = "Nothing" });
        Assert.False(result.Succeeded);
        Assert.Equal("Validation.Required", result.Errors["NameTh"]!.Key);
    }

    [Fact]
    public async Task Uploaded_file_names_tags_and_account_names_are_stored_clean()
    {
        var workshop = (await host.Get<MeetingListService>().ListAsync(new ListQuery("Aiyara", 0, 1, null, false), new MeetingFilter())).Items.Single().Id;
        var upload = await host.Get<AttachmentService>().AddAsync(workshop, "สรุป\u202Egpj.pdf\u0007", new MemoryStream("%PDF-1.7\n%%EOF\n"u8.ToArray()), "คำอธิบาย\u2067ไฟล์\u0000");
        Assert.True(upload.Succeeded);
        var attachment = await StoredAsync(db => db.MeetingAttachments.SingleAsync(a => a.Id == upload.Id));
        Assert.Equal("สรุปgpj.pdf", attachment.FileName);
        Assert.Equal("คำอธิบายไฟล์", attachment.Description);

        // A tag's name is its key: the one with an override is the same tag as the one without.
        Assert.True((await host.Get<MeetingLinksService>().SetTagsAsync(workshop, ["smart\u202Ecity", "smartcity", "ขนส่ง\u0007"])).IsValid);
        var tags = await StoredAsync(db => db.MeetingTags.Where(t => t.MeetingId == workshop).Select(t => t.Name).ToListAsync());
        Assert.Contains("smartcity", tags);
        Assert.Contains("ขนส่ง", tags);
        Assert.DoesNotContain(tags, t => t.Any(c => char.IsControl(c) || TextCleaning.IsBidiControl(c)));

        var email = $"clean.{Guid.NewGuid():N}@kktt.demo";
        var (id, errors) = await host.Get<UserService>().CreateAsync(new UserForm
        {
            Email = email, DisplayName = "สมหญิง\u202E ใจดี\u0000", Role = Roles.Staff, Password = Portal.DemoData.DemoDataSeeder.Password,
        });
        Assert.True(errors.IsValid, string.Join(", ", errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));
        Assert.Equal("สมหญิง ใจดี", await StoredAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }
}
