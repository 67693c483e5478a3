using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Localization;

public sealed record BilingualName(string Th, string En)
{
    public string Get(bool thai) => thai || string.IsNullOrWhiteSpace(En) ? Th : En;

    public override string ToString() => Get(PortalCultures.IsThai());

    public static BilingualName Of(Organization? organization) =>
        organization is null ? new BilingualName("", "") : new BilingualName(organization.NameTh, organization.NameEn);

    /// <summary>A person's full name with honorific in each language, as <see cref="PersonNames"/> writes it.</summary>
    public static BilingualName Of(Person person) => new(PersonNames.Full(person, thai: true), PersonNames.Full(person, thai: false));
}
