using Portal.Data;
using Portal.Features.Organizations;
using Portal.Validation;
using Portal.Localization;

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

    /// <summary>
    /// A given name typed with its title or the whole name ("นายสมชาย ใจดี", "Dr. Somchai Jaidee") is taken apart as it is
    /// typed: the title goes to <see cref="Honorific"/> and, while the family name is empty, the words after the first go there.
    /// </summary>
    public void TakeGivenName(string? typed, bool thai)
    {
        var (honorific, name) = TypedHonorific.Take(typed);
        if (honorific != Honorific.None) Honorific = honorific;
        var family = "";
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        // Thai given names have no spaces; an English one may ("Mary Ann"), so it is split only when pasted with its title.
        var wholeName = thai || honorific != Honorific.None;
        if (space > 0 && wholeName && string.IsNullOrWhiteSpace(thai ? FamilyNameTh : FamilyNameEn))
            (name, family) = (name[..space], name[(space + 1)..].Trim());
        if (thai) (GivenNameTh, FamilyNameTh) = (name, family.Length > 0 ? family : FamilyNameTh);
        else (GivenNameEn, FamilyNameEn) = (name, family.Length > 0 ? family : FamilyNameEn);
    }

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

    public string? Position(bool thai) => new Bilingual(PositionTh, PositionEn).InOrNull(thai);

    public string? OrganizationName(bool thai) =>
        OrganizationAcronym ?? (thai ? OrganizationNameTh : OrganizationNameEn ?? OrganizationNameTh);
}
