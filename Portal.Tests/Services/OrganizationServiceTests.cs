using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.Audit;
using Portal.Features.Organizations;
using Portal.Validation;

namespace Portal.Tests.Services;

public class OrganizationServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private OrganizationService Organizations => host.Get<OrganizationService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<List<string?>> SearchAcronymsAsync(string term) =>
        (await Organizations.ListAsync(new ListQuery(term, 0, 100, "acronym", false))).Items.Select(o => o.Acronym).ToList();

    [Fact]
    public async Task Demo_data_holds_the_workshop_organizations_with_English_names_and_acronyms()
    {
        var all = await Organizations.AllAsync();
        Assert.Equal(DemoOrganizations.All.Count, all.Count);
        Assert.True(all.Count >= 21);
        Assert.All(all, o => Assert.False(string.IsNullOrWhiteSpace(o.NameEn)));
        Assert.All(all, o => Assert.False(string.IsNullOrWhiteSpace(o.Acronym)));
        Assert.Contains(all, o => o.NameTh == "เทศบาลนครขอนแก่น");
        Assert.Contains(all, o => o.NameTh == "สโมสรซอนต้า ขอนแก่น" && o.NameEn == "Zonta Club of Khon Kaen");
        var scopc = await Organizations.GetAsync(all.Single(o => o.Acronym == "SCOPC").Id);
        Assert.Equal("KKTT", scopc!.Parent!.Acronym);
    }

    [Fact]
    public async Task Search_matches_Thai_substrings_English_words_and_acronyms()
    {
        Assert.Equal(["BOT-NE", "KKBC", "WB"], (await SearchAcronymsAsync("ธนาคาร")).Order());
        Assert.Equal(["BOT-NE", "KKBC", "WB"], (await SearchAcronymsAsync("bank")).Order());
        Assert.Equal(["BOT-NE", "KKBC", "WB"], (await SearchAcronymsAsync("BANK")).Order());
        Assert.Equal(["KKTT"], await SearchAcronymsAsync("KKTT"));
        Assert.Contains("KKU", await SearchAcronymsAsync("ขอนแก่น"));
        Assert.Empty(await SearchAcronymsAsync("ไม่มีหน่วยงานนี้"));
    }

    [Theory]
    [InlineData("มข", "KKU")]
    [InlineData("มข.", "KKU")]
    [InlineData("ม.ข.", "KKU")]
    [InlineData("ม.ขอนแก่น", "KKU")]
    [InlineData("ทน.", "KKMC")]
    [InlineData("ทน.ขก", "KKMC")]
    [InlineData("ทนขก.", "KKMC")]
    public async Task Abbreviations_people_type_find_the_organization_with_or_without_dots(string typed, string acronym) =>
        Assert.Equal([acronym], await SearchAcronymsAsync(typed));

    [Fact]
    public async Task Aliases_are_saved_searched_and_found_for_the_people_of_the_organization()
    {
        var zonta = (await Organizations.AllAsync()).Single(o => o.Acronym == "ZC-KK");
        Assert.Empty(await SearchAcronymsAsync("ซอนต้าเคเค"));
        var form = OrganizationForm.From((await Organizations.GetAsync(zonta.Id))!) with { Aliases = "ซอนต้าเคเค, Zonta KK" };
        Assert.True((await Organizations.SaveAsync(zonta.Id, form)).Succeeded);

        Assert.Equal("ซอนต้าเคเค, Zonta KK", (await Organizations.GetAsync(zonta.Id))!.Aliases);
        Assert.Equal(["ZC-KK"], await SearchAcronymsAsync("ซอนต้าเคเค"));
        Assert.Equal(["ZC-KK"], await SearchAcronymsAsync("zonta kk"));

        var kkuPeople = await host.Get<Portal.Features.People.PersonService>().ListAsync(new ListQuery("มข", 0, 100, null, false));
        Assert.NotEmpty(kkuPeople.Items);
        Assert.All(kkuPeople.Items, p => Assert.Equal("KKU", p.OrganizationAcronym));
    }

    [Fact]
    public async Task Aliases_longer_than_the_field_are_refused_next_to_the_field()
    {
        var kku = (await Organizations.AllAsync()).Single(o => o.Acronym == "KKU");
        var form = OrganizationForm.From((await Organizations.GetAsync(kku.Id))!) with { Aliases = new string('ก', FieldLengths.Aliases + 1) };
        var result = await Organizations.SaveAsync(kku.Id, form);
        Assert.False(result.Succeeded);
        Assert.True(result.Errors.Has(nameof(OrganizationForm.Aliases)));
    }

    [Fact]
    public async Task Lists_page_and_sort_on_the_server_in_Thai_dictionary_order()
    {
        var first = await Organizations.ListAsync(new ListQuery(null, 0, 5, "nameTh", false));
        var second = await Organizations.ListAsync(new ListQuery(null, 1, 5, "nameTh", false));
        Assert.Equal(DemoOrganizations.All.Count, first.TotalCount);
        Assert.Equal(5, first.Items.Count);
        Assert.Empty(first.Items.Select(o => o.Id).Intersect(second.Items.Select(o => o.Id)));
        var everything = (await Organizations.ListAsync(new ListQuery(null, 0, 100, "nameTh", false))).Items.Select(o => o.NameTh).ToList();
        Assert.Equal(everything.Order(Comparer<string>.Create(ThaiCollation.Compare)), everything);
        var descending = (await Organizations.ListAsync(new ListQuery(null, 0, 100, "nameTh", true))).Items.Select(o => o.NameTh);
        Assert.Equal(Enumerable.Reverse(everything), descending);
    }

    [Fact]
    public async Task Bad_input_is_reported_per_field_and_nothing_is_saved()
    {
        var form = new OrganizationForm
        {
            NameTh = " ", NameEn = "world bank thailand", Acronym = new string('A', FieldLengths.Acronym + 1), Website = "javascript:alert(1)",
        };
        var result = await Organizations.SaveAsync(null, form);
        Assert.False(result.Succeeded);
        Assert.Equal("Validation.Required", result.Errors["NameTh"]!.Key);
        Assert.Equal("Organization.DuplicateName", result.Errors["NameEn"]!.Key);
        Assert.Equal("Validation.MaxLength", result.Errors["Acronym"]!.Key);
        Assert.Equal("Validation.Url", result.Errors["Website"]!.Key);
        Assert.Equal(DemoOrganizations.All.Count, (await Organizations.AllAsync()).Count);
    }

    [Fact]
    public async Task An_organization_cannot_belong_to_its_own_unit()
    {
        var all = await Organizations.AllAsync();
        var kktt = all.Single(o => o.Acronym == "KKTT");
        var scopc = all.Single(o => o.Acronym == "SCOPC");
        var form = OrganizationForm.From((await Organizations.GetAsync(kktt.Id))!);
        form.ParentId = scopc.Id;
        var result = await Organizations.SaveAsync(kktt.Id, form);
        Assert.Equal("Organization.ParentCycle", result.Errors["ParentId"]!.Key);
    }

    [Fact]
    public async Task Create_edit_delete_and_restore_are_audited_with_old_and_new_values()
    {
        var created = await Organizations.SaveAsync(null, new OrganizationForm
        {
            NameTh = "สำนักงานขนส่งจังหวัดขอนแก่น", NameEn = "Khon Kaen Provincial Land Transport Office", Acronym = "DLT-KK",
            Kind = OrganizationKind.GovernmentAgency, Website = "https://khonkaen.dlt.go.th",
        });
        Assert.True(created.Succeeded);
        var id = created.Id!.Value;
        var form = OrganizationForm.From((await Organizations.GetAsync(id))!);
        form.Acronym = "DLT-KKN";
        Assert.True((await Organizations.SaveAsync(id, form)).Succeeded);
        Assert.Equal(["DLT-KKN"], await SearchAcronymsAsync("dlt"));

        await Organizations.DeleteAsync(id);
        Assert.Empty(await SearchAcronymsAsync("dlt"));
        Assert.Null(await Organizations.GetAsync(id));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Organizations.RestoreAsync(id));
        await host.SignInAsRoleAsync(Roles.Admin);
        var deleted = await Organizations.ListAsync(new ListQuery("dlt", 0, 10, null, false, IncludeDeleted: true));
        Assert.True(deleted.Items.Single().IsDeleted);
        await Organizations.RestoreAsync(id);
        Assert.Equal(["DLT-KKN"], await SearchAcronymsAsync("dlt"));

        var audit = (await host.Get<AuditService>().ListAsync(new AuditQuery("Organization", id.ToString(), null, 0, 50))).Items;
        Assert.Equal([AuditAction.Restored, AuditAction.Deleted, AuditAction.Updated, AuditAction.Created], audit.Select(a => a.Action));
        var update = audit.Single(a => a.Action == AuditAction.Updated);
        Assert.Equal(PortalHost.DemoAccount(Roles.Staff), update.UserName);
        Assert.Contains("\"old\":\"DLT-KK\"", update.Changes);
        Assert.Contains("\"new\":\"DLT-KKN\"", update.Changes);
        Assert.Contains("สำนักงานขนส่งจังหวัดขอนแก่น", audit.Single(a => a.Action == AuditAction.Created).Changes);
        Assert.Equal(PortalHost.DemoAccount(Roles.Admin), audit[0].UserName);
    }

    [Fact]
    public async Task Coordinators_and_partners_cannot_change_the_register()
    {
        foreach (var role in new[] { Roles.Coordinator, Roles.Partner })
        {
            await host.SignInAsRoleAsync(role);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Organizations.SaveAsync(null, new OrganizationForm { NameTh = "ก", NameEn = "A" }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Organizations.DeleteAsync(1));
        }
    }

    [Fact, Trait("Database", TestDatabase.SqliteOnly)]
    public async Task The_database_is_a_real_SQLite_file_in_write_ahead_logging_mode()
    {
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "portal.db")));
    }
}
