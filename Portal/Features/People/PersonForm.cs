using Portal.Data;
using Portal.Features.Organizations;
using Portal.Validation;

namespace Portal.Features.People;

/// <summary>What the person editor edits.</summary>
public sealed record PersonForm : IVersionedForm
{
    /// <summary>The version of the record this form was filled from.</summary>
    public int Version { get; set; }

    public Honorific Honorific { get; set; }
    public string GivenNameTh { get; set; } = "";
    public string FamilyNameTh { get; set; } = "";
    public string GivenNameEn { get; set; } = "";
    public string FamilyNameEn { get; set; } = "";
    public string? PositionTh { get; set; }
    public string? PositionEn { get; set; }
    [RefersTo<Organization>] public int? OrganizationId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public LegalBasis LegalBasis { get; set; }

    public static PersonForm From(Person p) => new()
    {
        Version = p.Version,
        Honorific = p.Honorific, GivenNameTh = p.GivenNameTh, FamilyNameTh = p.FamilyNameTh,
        GivenNameEn = p.GivenNameEn, FamilyNameEn = p.FamilyNameEn, PositionTh = p.PositionTh, PositionEn = p.PositionEn,
        OrganizationId = p.OrganizationId, Email = p.Email, Phone = p.Phone, LegalBasis = p.LegalBasis,
    };

    public void ApplyTo(Person p)
    {
        p.Honorific = Honorific;
        p.GivenNameTh = GivenNameTh.Trim();
        p.FamilyNameTh = FamilyNameTh.Trim();
        p.GivenNameEn = GivenNameEn.Trim();
        p.FamilyNameEn = FamilyNameEn.Trim();
        p.PositionTh = Input.Blank(PositionTh);
        p.PositionEn = Input.Blank(PositionEn);
        p.OrganizationId = OrganizationId;
        p.Email = Input.Blank(Email);
        p.Phone = Input.Blank(Phone);
        p.LegalBasis = LegalBasis;
    }
}

public sealed record PersonRow(
    int Id, Honorific Honorific, string GivenNameTh, string FamilyNameTh, string GivenNameEn, string FamilyNameEn,
    string? PositionTh, string? PositionEn, int? OrganizationId, string? OrganizationAcronym, string? OrganizationNameTh,
    string? OrganizationNameEn, bool IsAnonymized, bool IsDeleted)
{
    public string Name(bool thai) => IsAnonymized
        ? Localization.BilingualText.Get("Person.Anonymized", thai)
        : thai || string.IsNullOrWhiteSpace(GivenNameEn)
            ? PersonNames.Full(Honorific, GivenNameTh, FamilyNameTh, thai: true)
            : PersonNames.Full(Honorific, GivenNameEn, FamilyNameEn, thai: false);

    public string? Position(bool thai) => thai ? PositionTh ?? PositionEn : PositionEn ?? PositionTh;

    public string? OrganizationName(bool thai) =>
        OrganizationAcronym ?? (thai ? OrganizationNameTh : OrganizationNameEn ?? OrganizationNameTh);
}
