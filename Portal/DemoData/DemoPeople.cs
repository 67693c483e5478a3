using Portal.Features.People;

namespace Portal.DemoData;

/// <summary>The people the workshop article names, with their positions at the time.</summary>
public static class DemoPeople
{
    public sealed record Entry(string OrganizationAcronym, Person Person);

    public static readonly IReadOnlyList<Entry> All =
    [
        new(DemoOrganizations.Kku, new Person
        {
            Honorific = Honorific.AssocProfDr, GivenNameTh = "รวี", FamilyNameTh = "หาญเผชิญ", GivenNameEn = "Rawee", FamilyNameEn = "Hanpachern",
            PositionTh = "อาจารย์ประจำคณะสถาปัตยกรรมศาสตร์ มหาวิทยาลัยขอนแก่น", PositionEn = "Lecturer, Faculty of Architecture, Khon Kaen University",
            LegalBasis = LegalBasis.LegitimateInterest,
        }),
        new(DemoOrganizations.Kku, new Person
        {
            Honorific = Honorific.ProfDr, GivenNameTh = "วนิดา", FamilyNameTh = "แก่นอากาศ", GivenNameEn = "Wanida", FamilyNameEn = "Kanarkard",
            PositionTh = "อาจารย์ประจำภาควิชาวิศวกรรมคอมพิวเตอร์ คณะวิศวกรรมศาสตร์ มหาวิทยาลัยขอนแก่น",
            PositionEn = "Lecturer, Department of Computer Engineering, Faculty of Engineering, Khon Kaen University",
            LegalBasis = LegalBasis.LegitimateInterest,
        }),
        new(DemoOrganizations.WorldBank, new Person
        {
            Honorific = Honorific.Mrs, GivenNameTh = "เมลินดา", FamilyNameTh = "กู๊ด", GivenNameEn = "Melinda", FamilyNameEn = "Good",
            PositionTh = "ผู้อำนวยการธนาคารโลกประจำประเทศไทยและเมียนมา", PositionEn = "World Bank Country Director for Thailand and Myanmar",
            LegalBasis = LegalBasis.LegitimateInterest,
        }),
        new(DemoOrganizations.Kktt, new Person
        {
            Honorific = Honorific.Mr, GivenNameTh = "สุรเดช", FamilyNameTh = "ทวีแสงสกุลไทย", GivenNameEn = "Suradech", FamilyNameEn = "Taweesaengsakulthai",
            PositionTh = "ประธานกรรมการ บริษัท ขอนแก่นพัฒนาเมือง จำกัด", PositionEn = "Chairman, Khon Kaen Think Tank Co., Ltd.",
            LegalBasis = LegalBasis.LegitimateInterest,
        }),
    ];
}
