using Portal.Validation;
using Portal.Data;
using Portal.Localization;
using Portal.Features.Invitations;

namespace Portal.Features.Organizations;

[Audited]
public class Organization : ISoftDeletable, ISearchable, IVersioned, INamedRecord
{
    public int Version { get; set; }
    public int Id { get; set; }
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Acronym { get; set; }
    /// <summary>Other names and abbreviations people type for it (มข, ทน.ขอนแก่น), separated by commas; searched like the name.</summary>
    public string? Aliases { get; set; }
    public OrganizationKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public List<Organization> Children { get; set; } = [];
    public string? Province { get; set; }
    public string? Website { get; set; }
    /// <summary>The head of the organization by position, to whom letters are addressed (เรียน ผู้อำนวยการ…).</summary>
    public string? HeadPositionTh { get; set; }
    public string? HeadPositionEn { get; set; }
    /// <summary>The language its copy of approved minutes is sent in; none means by its kind (see <see cref="MinutesLanguages"/>).</summary>
    public Minutes.PrintLanguage? MinutesLanguage { get; set; }
    [MultiLine] public string? Notes { get; set; }

    public DateTime? DeletedAt { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() => SearchTextBuilder.Build(NameTh, NameEn, Acronym, Aliases, Province);

    /// <summary>The name in both languages; not a column (EF Core maps only properties it can set).</summary>
    public Bilingual Name => new(NameTh, NameEn);

    public string DisplayName(bool thai) => Name.In(thai);

    string INamedRecord.ReferenceName(bool thai) => DisplayName(thai);
}

public enum OrganizationKind
{
    GovernmentAgency,
    Municipality,
    University,
    StateEnterprise,
    Bank,
    BusinessAssociation,
    InternationalOrganization,
    Company,
    CivicClub,
}

public static class MinutesLanguages
{
    /// <summary>
    /// The language an organization's people are sent minutes in: its own choice, or by its kind as letters and invitations
    /// are written (English for international organizations, Thai for everyone else and for people without one).
    /// </summary>
    public static Minutes.PrintLanguage For(Organization? organization) =>
        organization?.MinutesLanguage ?? (InvitationService.WritesInThai(organization) ? Minutes.PrintLanguage.Thai : Minutes.PrintLanguage.English);
}
