using Portal.Features.Letters;

namespace Portal.DemoData;

/// <summary>KKTT's letterhead and the heads, by position, of the organizations its letters go to most.</summary>
public static class DemoLetterhead
{
    public static Letterhead Kktt() => new()
    {
        SenderTh = "บริษัท ขอนแก่นพัฒนาเมือง จำกัด",
        SenderEn = "Khon Kaen Think Tank Co., Ltd.",
        AddressTh = "ศูนย์ปฏิบัติการเมืองอัจฉริยะ\nถนนศรีจันทร์ ตำบลในเมือง\nอำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000",
        AddressEn = "Smart City Operation Center\nSrichan Road, Nai Mueang\nMueang Khon Kaen, Khon Kaen 40000, Thailand",
        NumberPrefixTh = "ขคท",
        NumberPrefixEn = "KKTT",
        SignatoryTh = "นายสุรเดช ทวีแสงสกุลไทย",
        SignatoryEn = "Mr. Suradech Taweesaengsakulthai",
        SignatoryPositionTh = "ประธานกรรมการ บริษัท ขอนแก่นพัฒนาเมือง จำกัด",
        SignatoryPositionEn = "Chairman, Khon Kaen Think Tank Co., Ltd.",
        ContactTh = "ฝ่ายประสานงานภาคี\nโทร. 0 4300 0000 อีเมล partners@kktt.demo",
        ContactEn = "Partnerships team\nTel. +66 4300 0000, e-mail partners@kktt.demo",
        Logo = SvgLogo.Bytes(SvgLogo.Clean(SvgLogo.Bytes(Logo))!),
        LogoContentType = SvgLogo.ContentType,
    };

    /// <summary>A stand-in for KKTT's logo: a drawing, as letterhead logos are kept.</summary>
    private const string Logo = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
          <circle cx="50" cy="50" r="46" fill="#1b4965" />
          <circle cx="50" cy="50" r="38" fill="none" stroke="#f4d35e" stroke-width="3" />
          <path d="M30 68 L30 32 L40 32 L40 46 L54 32 L67 32 L50 49 L68 68 L55 68 L40 53 L40 68 Z" fill="#ffffff" />
          <text x="50" y="86" font-family="Sarabun" font-size="10" font-weight="700" text-anchor="middle" fill="#f4d35e">KKTT</text>
        </svg>
        """;

    /// <summary>Acronym → the head's position, in Thai and English.</summary>
    public static readonly IReadOnlyDictionary<string, (string Th, string En)> HeadPositions = new Dictionary<string, (string, string)>
    {
        ["KKMC"] = ("นายกเทศมนตรีนครขอนแก่น", "Mayor of Khon Kaen City"),
        [DemoOrganizations.WorldBank] = ("ผู้อำนวยการประจำประเทศไทยและเมียนมา", "Country Director for Thailand and Myanmar"),
        [DemoOrganizations.Kku] = ("อธิการบดี", "President"),
        ["KKCC"] = ("ประธาน", "President"),
        ["BOT-NE"] = ("ผู้อำนวยการอาวุโส", "Senior Director"),
        ["OHEC"] = ("เลขาธิการ", "Secretary-General"),
        ["FTI-KK"] = ("ประธาน", "Chairman"),
        ["RMUTI-KKC"] = ("รองอธิการบดีประจำ", "Vice President"),
        ["KKBC"] = ("ประธาน", "Chairman"),
        ["KKIC"] = ("กรรมการผู้จัดการ", "Managing Director"),
        ["TRD-KK"] = ("ธนารักษ์พื้นที่ขอนแก่น", "Khon Kaen Area Treasurer"),
        ["CGD-KK"] = ("คลังจังหวัดขอนแก่น", "Khon Kaen Provincial Comptroller"),
        ["NESDC-NE"] = ("ผู้อำนวยการ", "Director"),
        ["DEPA"] = ("ผู้อำนวยการ", "President"),
        ["CEA-KK"] = ("ผู้อำนวยการ", "Director"),
        ["NSO-KK"] = ("สถิติจังหวัดขอนแก่น", "Khon Kaen Provincial Statistician"),
        ["KKTS"] = ("กรรมการผู้จัดการ", "Managing Director"),
        ["ZC-KK"] = ("นายก", "President"),
    };
}
