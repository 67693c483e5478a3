using Portal.Auth;
using Portal.Features.Minutes;
using Portal.Features.Organizations;

namespace Portal.Tests.Services;

/// <summary>The language an organization's people are sent minutes in: by kind unless the organization asks for another.</summary>
public class MinutesLanguageTests : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void By_kind_international_organizations_read_English_everyone_else_Thai()
    {
        Assert.Equal(PrintLanguage.English, MinutesLanguages.For(new Organization { Kind = OrganizationKind.InternationalOrganization }));
        Assert.Equal(PrintLanguage.Thai, MinutesLanguages.For(new Organization { Kind = OrganizationKind.University }));
        Assert.Equal(PrintLanguage.Thai, MinutesLanguages.For(null));
        Assert.Equal(PrintLanguage.Bilingual, MinutesLanguages.For(new Organization { Kind = OrganizationKind.InternationalOrganization, MinutesLanguage = PrintLanguage.Bilingual }));
    }

    [Fact]
    public async Task The_choice_is_saved_with_the_organization_and_cleared_back_to_by_kind()
    {
        var organizations = host.Get<OrganizationService>();
        var form = new OrganizationForm { NameTh = "หน่วยงานทดสอบภาษา", NameEn = "Language test office", Kind = OrganizationKind.GovernmentAgency, MinutesLanguage = PrintLanguage.Bilingual };
        var saved = await organizations.SaveAsync(null, form);
        Assert.True(saved.Succeeded);
        var organization = (await organizations.AllAsync()).Single(o => o.NameEn == "Language test office");
        var stored = (await organizations.GetAsync(organization.Id))!;
        Assert.Equal(PrintLanguage.Bilingual, stored.MinutesLanguage);

        var edit = OrganizationForm.From(stored);
        edit.MinutesLanguage = null;
        Assert.True((await organizations.SaveAsync(organization.Id, edit)).Succeeded);
        Assert.Null((await organizations.GetAsync(organization.Id))!.MinutesLanguage);

        var bad = OrganizationForm.From((await organizations.GetAsync(organization.Id))!);
        bad.MinutesLanguage = (PrintLanguage)42;
        Assert.True((await organizations.SaveAsync(organization.Id, bad)).Errors.Has(nameof(OrganizationForm.MinutesLanguage)));
    }
}
