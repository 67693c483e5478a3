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
    };

    /// <summary>Acronym → the head's position, in Thai and English.</summary>
    public static readonly IReadOnlyDictionary<string, (string Th, string En)> HeadPositions = new Dictionary<string, (string, string)>
    {
        ["KKMC"] = ("นายกเทศมนตรีนครขอนแก่น", "Mayor of Khon Kaen City"),
        [DemoOrganizations.WorldBank] = ("ผู้อำนวยการประจำประเทศไทยและเมียนมา", "Country Director for Thailand and Myanmar"),
        [DemoOrganizations.Kku] = ("อธิการบดี", "President"),
        ["KKCC"] = ("ประธาน", "President"),
        ["BOT-NE"] = ("ผู้อำนวยการอาวุโส", "Senior Director"),
    };
}
