using Portal.Data;
using Portal.Validation;

namespace Portal.Features.Letters;

/// <summary>What the administrator's letterhead page edits.</summary>
public sealed record LetterheadForm : IVersionedForm
{
    public int Version { get; set; }
    public string SenderTh { get; set; } = "";
    public string SenderEn { get; set; } = "";
    public string? AddressTh { get; set; }
    public string? AddressEn { get; set; }
    public string NumberPrefixTh { get; set; } = "";
    public string NumberPrefixEn { get; set; } = "";
    public string SignatoryTh { get; set; } = "";
    public string SignatoryEn { get; set; } = "";
    public string? SignatoryPositionTh { get; set; }
    public string? SignatoryPositionEn { get; set; }
    public string? ContactTh { get; set; }
    public string? ContactEn { get; set; }
    /// <summary>A new logo to store; null keeps the one there is.</summary>
    public byte[]? NewLogo { get; set; }
    public string? NewLogoContentType { get; set; }
    public bool RemoveLogo { get; set; }

    public static LetterheadForm From(Letterhead l) => new()
    {
        Version = l.Version, SenderTh = l.SenderTh, SenderEn = l.SenderEn, AddressTh = l.AddressTh, AddressEn = l.AddressEn,
        NumberPrefixTh = l.NumberPrefixTh, NumberPrefixEn = l.NumberPrefixEn, SignatoryTh = l.SignatoryTh, SignatoryEn = l.SignatoryEn,
        SignatoryPositionTh = l.SignatoryPositionTh, SignatoryPositionEn = l.SignatoryPositionEn, ContactTh = l.ContactTh, ContactEn = l.ContactEn,
    };

    public void ApplyTo(Letterhead l)
    {
        l.SenderTh = SenderTh.Trim();
        l.SenderEn = SenderEn.Trim();
        l.AddressTh = Input.Blank(AddressTh);
        l.AddressEn = Input.Blank(AddressEn);
        l.NumberPrefixTh = NumberPrefixTh.Trim();
        l.NumberPrefixEn = NumberPrefixEn.Trim();
        l.SignatoryTh = SignatoryTh.Trim();
        l.SignatoryEn = SignatoryEn.Trim();
        l.SignatoryPositionTh = Input.Blank(SignatoryPositionTh);
        l.SignatoryPositionEn = Input.Blank(SignatoryPositionEn);
        l.ContactTh = Input.Blank(ContactTh);
        l.ContactEn = Input.Blank(ContactEn);
        if (RemoveLogo)
            (l.Logo, l.LogoContentType) = (null, null);
        else if (NewLogo is not null)
            (l.Logo, l.LogoContentType) = (NewLogo, NewLogoContentType);
    }
}

/// <summary>What the staff write for one meeting's invitation letters.</summary>
public sealed record InvitationLetterForm : IVersionedForm
{
    public int Version { get; set; }
    public string? ReferenceTh { get; set; }
    public string? ReferenceEn { get; set; }
    public string? PurposeTh { get; set; }
    public string? PurposeEn { get; set; }
    public string? EnclosuresTh { get; set; }
    public string? EnclosuresEn { get; set; }

    public static InvitationLetterForm From(InvitationLetterText t) => new()
    {
        Version = t.Version, ReferenceTh = t.ReferenceTh, ReferenceEn = t.ReferenceEn, PurposeTh = t.PurposeTh, PurposeEn = t.PurposeEn,
        EnclosuresTh = t.EnclosuresTh, EnclosuresEn = t.EnclosuresEn,
    };

    public void ApplyTo(InvitationLetterText t)
    {
        t.ReferenceTh = Input.Blank(ReferenceTh);
        t.ReferenceEn = Input.Blank(ReferenceEn);
        t.PurposeTh = Input.Blank(PurposeTh);
        t.PurposeEn = Input.Blank(PurposeEn);
        t.EnclosuresTh = Input.Blank(EnclosuresTh);
        t.EnclosuresEn = Input.Blank(EnclosuresEn);
    }
}
