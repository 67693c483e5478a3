using Portal.Data;
using Portal.Features.Organizations;

namespace Portal.Features.People;

[Audited]
public class Person : ISoftDeletable, ISearchable, IVersioned, INamedRecord
{
    public int Version { get; set; }
    public int Id { get; set; }
    public Honorific Honorific { get; set; }
    public string GivenNameTh { get; set; } = "";
    public string FamilyNameTh { get; set; } = "";
    public string GivenNameEn { get; set; } = "";
    public string FamilyNameEn { get; set; } = "";
    public string? PositionTh { get; set; }
    public string? PositionEn { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>PDPA section 24: the lawful basis on which KKTT keeps this person's data.</summary>
    public LegalBasis LegalBasis { get; set; }
    /// <summary>When the person's details were erased; the save that erases them is logged as an anonymisation.</summary>
    [AuditedAs(AuditAction.Anonymized)] public DateTime? AnonymizedAt { get; set; }

    public DateTime? DeletedAt { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() =>
        SearchTextBuilder.Build(GivenNameTh, FamilyNameTh, GivenNameEn, FamilyNameEn, PositionTh, PositionEn, Email);

    string INamedRecord.ReferenceName(bool thai) => PersonNames.Full(this, thai);
}

public enum Honorific
{
    None,
    Mr,
    Mrs,
    Ms,
    Dr,
    AsstProf,
    AsstProfDr,
    AssocProf,
    AssocProfDr,
    Prof,
    ProfDr,
}

public enum LegalBasis
{
    LegitimateInterest,
    Consent,
    Contract,
    PublicTask,
    LegalObligation,
}
