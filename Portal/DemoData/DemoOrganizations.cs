using Portal.Features.Organizations;
using static Portal.Features.Organizations.OrganizationKind;

namespace Portal.DemoData;

/// <summary>
/// The 19 organizations of the KKTT–World Bank workshop of 31 July 2567 (../shared/source), in the article's order,
/// plus KKTT's Smart City Operation Center and CMKL, which the article also names.
/// English names are the organizations' own official ones where the article gives none.
/// </summary>
public static class DemoOrganizations
{
    public const string Kktt = "KKTT";
    public const string WorldBank = "WB";
    public const string Kku = "KKU";
    public const string Scopc = "SCOPC";
    public const string Cmkl = "CMKL";

    public static readonly IReadOnlyList<Organization> All =
    [
        Org("เทศบาลนครขอนแก่น", "Khon Kaen City Municipality", "KKMC", Municipality, "https://www.kkmuni.go.th", aliases: "ทน.ขอนแก่น, ทน.ขก., เทศบาลนคร"),
        Org("ธนาคารโลกประจำประเทศไทย", "World Bank Thailand", WorldBank, InternationalOrganization, "https://www.worldbank.org/en/country/thailand", "กรุงเทพมหานคร"),
        Org("สำนักงานคณะกรรมการการอุดมศึกษา", "Office of the Higher Education Commission", "OHEC", GovernmentAgency, "https://www.mhesi.go.th", "กรุงเทพมหานคร"),
        Org("มหาวิทยาลัยขอนแก่น", "Khon Kaen University", Kku, University, "https://www.kku.ac.th", aliases: "มข., ม.ขอนแก่น"),
        Org("บริษัท ขอนแก่นพัฒนาเมือง จำกัด", "Khon Kaen Think Tank Co., Ltd.", Kktt, Company, "https://www.kktt.co.th"),
        Org("หอการค้าจังหวัดขอนแก่น", "Khon Kaen Chamber of Commerce", "KKCC", BusinessAssociation),
        Org("สภาอุตสาหกรรมจังหวัดขอนแก่น", "Federation of Thai Industries, Khon Kaen Chapter", "FTI-KK", BusinessAssociation),
        Org("มหาวิทยาลัยเทคโนโลยีราชมงคลอีสาน วิทยาเขตขอนแก่น", "Rajamangala University of Technology Isan, Khon Kaen Campus", "RMUTI-KKC", University, "https://www.kkc.rmuti.ac.th"),
        Org("ธนาคารแห่งประเทศไทย สำนักงานภาคตะวันออกเฉียงเหนือ", "Bank of Thailand, Northeastern Region Office", "BOT-NE", Bank, "https://www.bot.or.th"),
        Org("ชมรมธนาคารจังหวัดขอนแก่น", "Khon Kaen Provincial Bankers Club", "KKBC", BusinessAssociation),
        Org("บริษัท ขอนแก่น อินโนเวชั่น เซ็นเตอร์ จำกัด", "Khon Kaen Innovation Center Co., Ltd.", "KKIC", Company),
        Org("ธนารักษ์พื้นที่ขอนแก่น", "Khon Kaen Area Treasury Office", "TRD-KK", GovernmentAgency, "https://www.treasury.go.th"),
        Org("คลังจังหวัดขอนแก่น", "Khon Kaen Provincial Comptroller Office", "CGD-KK", GovernmentAgency, "https://www.cgd.go.th"),
        Org("สำนักงานพัฒนาการเศรษฐกิจและสังคม ภาคตะวันออกเฉียงเหนือ", "Northeastern Economic and Social Development Office (NESDC)", "NESDC-NE", GovernmentAgency, "https://www.nesdc.go.th"),
        Org("สำนักงานส่งเสริมเศรษฐกิจดิจิทัล", "Digital Economy Promotion Agency", "DEPA", GovernmentAgency, "https://www.depa.or.th", "กรุงเทพมหานคร"),
        Org("สำนักงานส่งเสริมเศรษฐกิจสร้างสรรค์ ขอนแก่น", "Creative Economy Agency, Khon Kaen", "CEA-KK", GovernmentAgency, "https://www.cea.or.th"),
        Org("สำนักงานสถิติจังหวัดขอนแก่น", "Khon Kaen Provincial Statistical Office", "NSO-KK", GovernmentAgency, "https://khonkaen.nso.go.th"),
        Org("บริษัท ขอนแก่นทรานซิทซิสเต็ม จำกัด", "Khon Kaen Transit System Co., Ltd.", "KKTS", Company),
        Org("สโมสรซอนต้า ขอนแก่น", "Zonta Club of Khon Kaen", "ZC-KK", CivicClub),
        Org("ศูนย์ปฏิบัติการเมืองอัจฉริยะ", "Smart City Operation Center", Scopc, Company),
        Org("สถาบันวิศวกรรมปัญญาประดิษฐ์ ซีเอ็มเคแอล", "CMKL University (AI Engineering Institute)", Cmkl, University, "https://www.cmkl.ac.th", "กรุงเทพมหานคร"),
    ];

    /// <summary>Units that belong to another organization: acronym → parent's acronym.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parents = new Dictionary<string, string> { [Scopc] = Kktt };

    private static Organization Org(string th, string en, string acronym, OrganizationKind kind, string? website = null, string province = "ขอนแก่น",
        string? aliases = null) =>
        new() { NameTh = th, NameEn = en, Acronym = acronym, Aliases = aliases, Kind = kind, Website = website, Province = province };
}
