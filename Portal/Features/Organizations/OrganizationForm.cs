using Portal.Data;
using Portal.Validation;
using Portal.Localization;

namespace Portal.Features.Organizations;

/// <summary>What the organization editor edits.</summary>
public sealed record OrganizationForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }

    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Acronym { get; set; }
    public string? Aliases { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.GovernmentAgency;
    [RefersTo<Organization>] public int? ParentId { get; set; }
    public string? Province { get; set; }
    public string? Website { get; set; }
    public string? HeadPositionTh { get; set; }
    public string? HeadPositionEn { get; set; }
    /// <summary>Empty: by the organization's kind.</summary>
    public Minutes.PrintLanguage? MinutesLanguage { get; set; }
    public string? Notes { get; set; }

    public static OrganizationForm From(Organization o) => new()
    {
        Version = o.Version,
        NameTh = o.NameTh, NameEn = o.NameEn, Acronym = o.Acronym, Aliases = o.Aliases, Kind = o.Kind, ParentId = o.ParentId,
        Province = o.Province, Website = o.Website, HeadPositionTh = o.HeadPositionTh, HeadPositionEn = o.HeadPositionEn, MinutesLanguage = o.MinutesLanguage, Notes = o.Notes,
    };

    public void ApplyTo(Organization o)
    {
        o.NameTh = NameTh.Trim();
        o.NameEn = NameEn.Trim();
        o.Acronym = Input.Blank(Acronym);
        o.Aliases = Input.Blank(Aliases);
        o.Kind = Kind;
        o.ParentId = ParentId;
        o.Province = Input.Blank(Province);
        o.Website = Input.Blank(Website);
        o.HeadPositionTh = Input.Blank(HeadPositionTh);
        o.HeadPositionEn = Input.Blank(HeadPositionEn);
        o.MinutesLanguage = MinutesLanguage;
        o.Notes = Input.Blank(Notes);
    }
}

public sealed record OrganizationRow(int Id, string NameTh, string NameEn, string? Acronym, OrganizationKind Kind, string? Province, bool IsDeleted,
    string? Aliases = null)
{
    public string Name(bool thai) => new Bilingual(NameTh, NameEn).In(thai);
    public string OtherName(bool thai) => thai ? NameEn : NameTh;
}
