using Portal.Data;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.Letters;

/// <summary>
/// What every letter KKTT sends carries, set by an administrator: the sender, its address and logo, who signs, whom to
/// contact, and the prefix of the letter numbers (ที่ …). One row.
/// </summary>
[Audited]
public class Letterhead : IVersioned
{
    public const int TheOnlyId = 1;

    public int Id { get; set; } = TheOnlyId;
    public int Version { get; set; }
    public string SenderTh { get; set; } = "";
    public string SenderEn { get; set; } = "";
    [MultiLine] public string? AddressTh { get; set; }
    [MultiLine] public string? AddressEn { get; set; }
    /// <summary>The part of the letter number before the running number, e.g. "ขคท" (Thai) and "KKTT" (English).</summary>
    public string NumberPrefixTh { get; set; } = "";
    public string NumberPrefixEn { get; set; } = "";
    public string SignatoryTh { get; set; } = "";
    public string SignatoryEn { get; set; } = "";
    public string? SignatoryPositionTh { get; set; }
    public string? SignatoryPositionEn { get; set; }
    /// <summary>The contact line at the foot of the letter (ส่วนราชการเจ้าของเรื่อง, โทร., อีเมล).</summary>
    [MultiLine] public string? ContactTh { get; set; }
    [MultiLine] public string? ContactEn { get; set; }
    /// <summary>The logo as a PNG or JPEG, small enough to sit in the row (a backup carries it).</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    public Bilingual Sender => new(SenderTh, SenderEn);
    public Bilingual Address => new(AddressTh, AddressEn);
    public Bilingual Signatory => new(SignatoryTh, SignatoryEn);
    public Bilingual SignatoryPosition => new(SignatoryPositionTh, SignatoryPositionEn);
    public Bilingual Contact => new(ContactTh, ContactEn);
}

/// <summary>A letter number given out (ออกเลขหนังสือ): a running number per calendar year, one per meeting and organization.</summary>
[Audited]
public class IssuedLetter
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int OrganizationId { get; set; }
    /// <summary>The C.E. year the number runs in; Thai letters print it in B.E.</summary>
    public int Year { get; set; }
    public int Number { get; set; }
    public DateTime IssuedAt { get; set; }
}

/// <summary>What the invitation letters of one meeting say beyond the meeting's own record: อ้างถึง, the purpose, enclosures.</summary>
[Audited]
public class InvitationLetterText : IVersioned
{
    public int MeetingId { get; set; }
    public int Version { get; set; }
    public string? ReferenceTh { get; set; }
    public string? ReferenceEn { get; set; }
    [MultiLine] public string? PurposeTh { get; set; }
    [MultiLine] public string? PurposeEn { get; set; }
    /// <summary>What else goes with the letter besides the agenda, one per line (e.g. แผนที่สถานที่ประชุม).</summary>
    [MultiLine] public string? EnclosuresTh { get; set; }
    [MultiLine] public string? EnclosuresEn { get; set; }
}
