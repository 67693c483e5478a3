using Portal.Auth;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;

namespace Portal.Tests.Services;

public class PersonServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private PersonService People => host.Get<PersonService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<List<string>> SearchAsync(string term) =>
        (await People.ListAsync(new ListQuery(term, 0, 50, null, false))).Items.Select(p => p.Name(thai: false)).ToList();

    [Fact]
    public async Task Demo_data_holds_the_people_the_article_names_in_both_languages()
    {
        var all = (await People.ListAsync(new ListQuery(null, 0, 50, null, false))).Items;
        var thaiNames = all.Select(p => p.Name(thai: true)).ToList();
        Assert.Contains("รศ.ดร. รวี หาญเผชิญ", thaiNames);
        Assert.Contains("ศ.ดร. วนิดา แก่นอากาศ", thaiNames);
        Assert.Contains("นางเมลินดา กู๊ด", thaiNames);
        Assert.Contains("นายสุรเดช ทวีแสงสกุลไทย", thaiNames);
        Assert.Contains("Mrs. Melinda Good", all.Select(p => p.Name(thai: false)));
        var named = all.Where(p => p.GivenNameEn != "Representative of").ToList();
        Assert.Equal(4, named.Count);
        Assert.All(named, p => Assert.False(string.IsNullOrEmpty(p.PositionTh) || string.IsNullOrEmpty(p.PositionEn)));
    }

    [Fact]
    public async Task Search_finds_a_name_typed_with_its_honorific_as_the_portal_shows_it_or_as_people_type_it()
    {
        foreach (var typed in new[] { "ศ.ดร. วนิดา", "ดร.วนิดา", "Dr. Wanida", "Prof. Dr. Wanida", "นางเมลินดา", "Mrs Melinda" })
            Assert.Single(await SearchAsync(typed));
        Assert.Empty(await SearchAsync("ดร. ไม่มีใครชื่อนี้"));
    }

    [Fact]
    public async Task Search_matches_Thai_English_position_and_organization()
    {
        Assert.Equal(["Assoc. Prof. Dr. Rawee Hanpachern"], await SearchAsync("หาญเผชิญ"));
        Assert.Equal(["Mrs. Melinda Good"], await SearchAsync("melinda"));
        Assert.Equal(["Mrs. Melinda Good"], await SearchAsync("ธนาคารโลก"));
        Assert.Equal(2, (await SearchAsync("KKU")).Count);
        Assert.Contains("Assoc. Prof. Dr. Rawee Hanpachern", await SearchAsync("architecture"));
    }

    [Fact]
    public async Task Invalid_email_and_phone_are_reported_next_to_their_fields()
    {
        var result = await People.SaveAsync(null, new PersonForm { GivenNameTh = "สมชาย", Email = "somchai(at)kku", Phone = "081-abc" });
        Assert.Equal("Validation.Email", result.Errors["Email"]!.Key);
        Assert.Equal("Validation.Phone", result.Errors["Phone"]!.Key);
        Assert.Null(result.Errors["GivenNameTh"]);
    }

    [Fact]
    public async Task Anonymizing_erases_identity_keeps_the_row_and_scrubs_the_audit_trail()
    {
        var organizationId = (await host.Get<OrganizationService>().AllAsync()).First(o => o.Acronym == "KKU").Id;
        var saved = await People.SaveAsync(null, new PersonForm
        {
            Honorific = Honorific.Ms, GivenNameTh = "สมศรี", FamilyNameTh = "ใจดี", GivenNameEn = "Somsri", FamilyNameEn = "Jaidee",
            Email = "somsri@kku.ac.th", Phone = "+66 81 234 5678", OrganizationId = organizationId, LegalBasis = LegalBasis.Consent,
        });
        var id = saved.Id!.Value;
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => People.AnonymizeAsync(id));

        await host.SignInAsRoleAsync(Roles.Admin);
        await People.AnonymizeAsync(id);
        var person = (await People.GetAsync(id))!;
        Assert.NotNull(person.AnonymizedAt);
        Assert.Null(person.Email);
        Assert.Equal(organizationId, person.OrganizationId);
        Assert.Equal("บุคคลที่ไม่ระบุตัวตน", PersonNames.Full(person, thai: true));
        Assert.Empty(await SearchAsync("สมศรี"));

        var audit = (await host.Get<AuditService>().ListAsync(new AuditQuery("Person", id.ToString(), null, 0, 50))).Items;
        Assert.Contains(audit, a => a.Action == AuditAction.Anonymized);
        Assert.DoesNotContain(audit, a => a.Changes.Contains("สมศรี") || a.Changes.Contains("somsri@kku.ac.th"));
    }
}
