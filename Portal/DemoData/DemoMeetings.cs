using Portal.Features.Meetings;
using Portal.Features.People;
using Portal.Features.Series;

namespace Portal.DemoData;

/// <summary>
/// The KKTT–World Bank workshop of Wednesday 31 July 2567 and the World Bank country director's visit to SCOPC,
/// written from the article in ../shared/source. The article gives no clock times; the times here are assumed.
/// People the article does not name appear as their organization's representative rather than under invented names.
/// </summary>
public static class DemoMeetings
{
    public const string WorkshopTitleEn = "Infrastructure Potential for Developing Khon Kaen Smart City";
    public static readonly DateOnly Day = new(2024, 7, 31);

    /// <summary>The article's 19 attending organizations, in its order; one person each.</summary>
    public static readonly IReadOnlyList<string> WorkshopOrganizations =
    [
        "KKMC", DemoOrganizations.WorldBank, "OHEC", DemoOrganizations.Kku, DemoOrganizations.Kktt, "KKCC", "FTI-KK", "RMUTI-KKC",
        "BOT-NE", "KKBC", "KKIC", "TRD-KK", "CGD-KK", "NESDC-NE", "DEPA", "CEA-KK", "NSO-KK", "KKTS", "ZC-KK",
    ];

    /// <summary>Who represented each organization at the workshop when the article names them, and in what role.</summary>
    public static readonly IReadOnlyDictionary<string, (string GivenNameEn, AttendeeRole Role)> NamedAttendees = new Dictionary<string, (string, AttendeeRole)>
    {
        [DemoOrganizations.Kktt] = ("Suradech", AttendeeRole.Chair),
        [DemoOrganizations.WorldBank] = ("Melinda", AttendeeRole.Presenter),
        [DemoOrganizations.Kku] = ("Rawee", AttendeeRole.Participant),
    };

    public static Meeting ScopcVisit() => new()
    {
        Kind = MeetingKind.SiteVisit,
        TitleTh = "ผู้อำนวยการธนาคารโลกประจำประเทศไทยและเมียนมาเยี่ยมชมศูนย์ปฏิบัติการเมืองอัจฉริยะ (SCOPC)",
        TitleEn = "World Bank Country Director for Thailand and Myanmar visits the Smart City Operation Center (SCOPC)",
        Date = Day,
        StartTime = new TimeOnly(9, 30),
        EndTime = new TimeOnly(11, 0),
        RoomTh = "ศูนย์ปฏิบัติการเมืองอัจฉริยะ (SCOPC)",
        RoomEn = "Smart City Operation Center (SCOPC)",
        BuildingTh = "ขอนแก่น",
        BuildingEn = "Khon Kaen",
        ObjectivesTh = "- แลกเปลี่ยนหารือแนวทางศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น ผ่านโครงการ Smart City\n"
            + "- ปรึกษาหารือความร่วมมือในอนาคตในการพัฒนา Funding City\n"
            + "- การส่งเสริม Social Economic ด้วยเทคโนโลยีปัญญาประดิษฐ์ ร่วมกับสถาบันวิศวกรรมปัญญาประดิษฐ์ (AI Engineering Institute, CMKL)",
        ObjectivesEn = "- Discuss the infrastructure potential for developing Khon Kaen as a smart city through the Smart City programme\n"
            + "- Consult on future cooperation in developing a Funding City\n"
            + "- Promote the social economy with artificial intelligence, with the AI Engineering Institute (CMKL)",
        AgendaItems =
        [
            new AgendaItem
            {
                Position = 1,
                TopicTh = "ต้อนรับและเยี่ยมชมศูนย์ปฏิบัติการเมืองอัจฉริยะ",
                TopicEn = "Welcome and tour of the Smart City Operation Center",
                DiscussionTh = "รศ.ดร. รวี หาญเผชิญ ให้การต้อนรับ Mrs. Melinda Good ผู้อำนวยการธนาคารโลกประจำประเทศไทยและเมียนมา และทีมงานจาก World Bank Thailand "
                    + "และแลกเปลี่ยนหารือแนวทางศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น ผ่านโครงการ Smart City",
                DiscussionEn = "Assoc. Prof. Dr. Rawee Hanpachern welcomed Mrs. Melinda Good, World Bank Country Director for Thailand and Myanmar, "
                    + "and the World Bank Thailand team, and discussed the infrastructure potential for developing Khon Kaen as a smart city through the Smart City programme.",
                ResolutionTh = "ที่ประชุมรับทราบ",
                ResolutionEn = "The meeting noted the briefing.",
            },
            new AgendaItem
            {
                Position = 2,
                TopicTh = "ความร่วมมือในอนาคต: Funding City และเศรษฐกิจสังคมด้วยปัญญาประดิษฐ์",
                TopicEn = "Future cooperation: Funding City and the social economy with AI",
                DiscussionTh = "รศ.ดร. รวี หาญเผชิญ และ ศ.ดร. วนิดา แก่นอากาศ หารือความร่วมมือในอนาคตในการพัฒนา Funding City "
                    + "และการส่งเสริม Social Economic ด้วยเทคโนโลยีปัญญาประดิษฐ์ร่วมกับสถาบันวิศวกรรมปัญญาประดิษฐ์ (AI Engineering Institute, CMKL)",
                DiscussionEn = "Assoc. Prof. Dr. Rawee Hanpachern and Prof. Dr. Wanida Kanarkard discussed future cooperation in developing a Funding City "
                    + "and in promoting the social economy with artificial intelligence together with the AI Engineering Institute (CMKL).",
                ResolutionTh = "ที่ประชุมเห็นชอบให้หารือความร่วมมือต่อในการประชุมเชิงปฏิบัติการช่วงบ่าย",
                ResolutionEn = "The meeting agreed to continue the discussion at the afternoon workshop.",
            },
        ],
        Tags = [new() { Name = "Smart City" }, new() { Name = "Funding City" }, new() { Name = "AI" }],
    };

    public static Meeting Workshop() => new()
    {
        Kind = MeetingKind.Workshop,
        TitleTh = "ศักยภาพด้านโครงสร้างพื้นฐานในการพัฒนาเมืองอัจฉริยะขอนแก่น",
        TitleEn = WorkshopTitleEn,
        Date = Day,
        StartTime = new TimeOnly(13, 30),
        EndTime = new TimeOnly(16, 30),
        RoomTh = "ห้องประชุมไอยรา",
        RoomEn = "Aiyara Room",
        BuildingTh = "โรงแรมพูลแมน ขอนแก่น ราชา ออคิด",
        BuildingEn = "Pullman Khon Kaen Raja Orchid",
        ObjectivesTh = "- แลกเปลี่ยนข้อมูลและสำรวจศักยภาพการเติบโตของเศรษฐกิจในจังหวัดขอนแก่น\n"
            + "- สำรวจแนวทางใหม่เพื่อกระตุ้นเศรษฐกิจท้องถิ่นและปลดล็อกเขตเศรษฐกิจใหม่ในจังหวัดขอนแก่น\n"
            + "- รับฟังแนวคิด \"ขอนแก่นโมเดล\" ด้านโครงสร้างพื้นฐาน โดยเฉพาะระบบขนส่งมวลชนสาธารณะ",
        ObjectivesEn = "- Exchange information and survey the growth potential of Khon Kaen's economy\n"
            + "- Explore new ways to stimulate the local economy and unlock new economic zones in Khon Kaen\n"
            + "- Hear the \"Khon Kaen Model\" for infrastructure, above all public mass transit",
        AgendaItems =
        [
            new AgendaItem
            {
                Position = 1,
                TopicTh = "ประธานแจ้งให้ที่ประชุมทราบ",
                TopicEn = "Announcements by the chair",
                DiscussionTh = "บริษัท ขอนแก่นพัฒนาเมือง จำกัด (KKTT) ประสานงานกับธนาคารโลก (World Bank) จัดการประชุมเชิงปฏิบัติการครั้งนี้ "
                    + "เพื่อแลกเปลี่ยนข้อมูลและสำรวจศักยภาพการเติบโตของเศรษฐกิจในจังหวัดขอนแก่น โดยมี Mrs. Melinda Good "
                    + "ผู้อำนวยการธนาคารโลกประจำประเทศไทยและเมียนมา ร่วมรับฟัง",
                DiscussionEn = "Khon Kaen Think Tank (KKTT) organized this workshop with the World Bank to exchange information and survey the growth "
                    + "potential of Khon Kaen's economy, attended by Mrs. Melinda Good, World Bank Country Director for Thailand and Myanmar.",
                ResolutionTh = "ที่ประชุมรับทราบ",
                ResolutionEn = "The meeting noted the announcement.",
            },
            new AgendaItem
            {
                Position = 2,
                TopicTh = "ธนาคารโลกนำเสนอรายงานตามติดเศรษฐกิจไทย เดือนกรกฎาคม 2567: ปลดล็อกศักยภาพการเติบโตของเมืองรอง",
                TopicEn = "World Bank presentation: Thailand Economic Monitor, July 2024 — Unlocking the Growth Potential of Secondary Cities",
                DiscussionTh = "ธนาคารโลกนำเสนอว่า \"จากข้อมูลล่าสุด การเติบโตของ GDP ต่อหัวของเมืองรองสูงกว่าของกรุงเทพฯ เกือบ 15 เท่า "
                    + "แสดงให้เห็นถึงผลิตภาพ ประสิทธิภาพ และศักยภาพทางเศรษฐกิจที่ดีขึ้นของเมืองรอง\"\n\n"
                    + "ธนาคารโลกมองว่าเมืองรองมีบทบาทสำคัญในการพัฒนาภูมิภาค โดยทำหน้าที่เป็นศูนย์กลางของการปกครองท้องถิ่นและภาคอุตสาหกรรม "
                    + "สนับสนุนและเชื่อมโยงทางเศรษฐกิจภูมิภาคกับกรุงเทพฯ หรือเป็นระเบียงการค้าทางเศรษฐกิจที่สำคัญ "
                    + "และเน้นย้ำว่าในระยะยาวเมืองรองมีศักยภาพอย่างยิ่งในการเพิ่มผลิตภาพของประเทศไทย ทั้งการกระตุ้นการเติบโตทางเศรษฐกิจ "
                    + "และสนับสนุนความสามารถในการแข่งขันในระดับโลก",
                DiscussionEn = "The World Bank reported that \"according to the latest data, GDP per capita in secondary cities has grown almost 15 times "
                    + "faster than in Bangkok, showing their improved productivity, efficiency and economic potential.\"\n\n"
                    + "The World Bank sees secondary cities as central to regional development: hubs of local government and industry that "
                    + "support and link regional economies with Bangkok, or form important economic trade corridors. It stressed that in the long run "
                    + "secondary cities have great potential to raise Thailand's productivity, both by stimulating growth and by supporting global competitiveness.",
                ResolutionTh = "ที่ประชุมรับทราบ",
                ResolutionEn = "The meeting noted the presentation.",
            },
            new AgendaItem
            {
                Position = 3,
                TopicTh = "ภารกิจของบริษัท ขอนแก่นพัฒนาเมือง จำกัด ทุนการพัฒนาเมือง และเหรียญโทเคนขอนแก่น",
                TopicEn = "KKTT's mission, the city-development fund and the Khon Kaen digital token",
                DiscussionTh = "นายสุรเดช ทวีแสงสกุลไทย ชี้แจงภารกิจและหน้าที่ของบริษัท ขอนแก่นพัฒนาเมือง จำกัด ซึ่งเป็นหน่วยงานเอกชน "
                    + "ที่ได้รับทุนการพัฒนาเมืองจากส่วนกลางมาพัฒนาเมืองขอนแก่น และโครงสร้างการทำงานร่วมกับหลากหลายหน่วยงานทั้งภาครัฐและภาคเอกชน "
                    + "โดยมีเป้าหมายให้นักศึกษาที่จบการศึกษาในจังหวัดขอนแก่นกลับมาทำงานและพัฒนาจังหวัด อันจะทำให้เกิดการสร้างงานในจังหวัดต่อไป\n\n"
                    + "นอกจากนี้ได้พัฒนาเหรียญโทเคน และได้ยื่นเรื่องขอต่อรัฐบาลให้มีสกุลเงินดิจิทัลที่ใช้ในจังหวัดขอนแก่น "
                    + "ใช้เป็นส่วนลดสินค้าและบริการในมหาวิทยาลัยขอนแก่นและพื้นที่โดยรอบ",
                DiscussionEn = "Mr. Suradech Taweesaengsakulthai explained the mission of Khon Kaen Think Tank, a private company that receives "
                    + "city-development funding from the central government to develop Khon Kaen, and how it works with many public and private bodies. "
                    + "Its aim is for graduates of Khon Kaen's universities to stay and work in the province and develop it, creating jobs there.\n\n"
                    + "KKTT has also developed a token and has applied to the government for a digital currency for Khon Kaen, "
                    + "to be used for discounts on goods and services at Khon Kaen University and the surrounding area.",
                ResolutionTh = "ที่ประชุมรับทราบ",
                ResolutionEn = "The meeting noted the briefing.",
            },
            new AgendaItem
            {
                Position = 4,
                TopicTh = "แลกเปลี่ยนความคิดเห็น: ขอนแก่นโมเดล ระบบขนส่งมวลชน และความร่วมมือ Funding City",
                TopicEn = "Discussion: the Khon Kaen Model, mass transit and Funding City cooperation",
                DiscussionTh = "จังหวัดขอนแก่นมีแนวคิดในการพัฒนาระบบโครงสร้างพื้นฐานของจังหวัด หรือ \"ขอนแก่นโมเดล\" "
                    + "โดยเฉพาะระบบขนส่งมวลชนสาธารณะที่เอื้อต่อการพัฒนาเมืองในระยะยาว ซึ่งถูกนำไปใช้เป็นแนวทางขับเคลื่อนการพัฒนาเมืองขอนแก่นและเมืองอื่น ๆ "
                    + "ผู้แทนหน่วยงานที่เกี่ยวข้องในจังหวัดขอนแก่นแลกเปลี่ยนความเข้าใจกับธนาคารโลก",
                DiscussionEn = "Khon Kaen has developed its own approach to infrastructure, the \"Khon Kaen Model\", above all public mass transit that "
                    + "supports the city's long-term development; it now guides development in Khon Kaen and other cities. "
                    + "Representatives of the province's agencies exchanged views with the World Bank.",
                ResolutionTh = "ที่ประชุมเห็นชอบให้ธนาคารโลกและ KKTT หารือความร่วมมือในการพัฒนา Funding City ต่อไป "
                    + "และให้ KKTT ประสานข้อมูลเมืองรองกับธนาคารโลก",
                ResolutionEn = "The meeting agreed that the World Bank and KKTT continue to discuss cooperation on a Funding City, "
                    + "and that KKTT coordinate secondary-city data with the World Bank.",
            },
        ],
        References =
        [
            new MeetingReference
            {
                Title = "Thailand Economic Monitor, July 2024: Unlocking the Growth Potential of Secondary Cities",
                Publisher = "World Bank",
            },
        ],
        Tags = [new() { Name = "Smart City" }, new() { Name = "Funding City" }, new() { Name = "Secondary cities" },
            new() { Name = "Transit" }, new() { Name = "Blockchain" }],
        RelatedActivities =
        [
            new RelatedActivity
            {
                DescriptionTh = "โครงการขับเคลื่อนและร่วมกันฟื้นฟูย่าน ถึงการใช้เทคโนโลยีด้าน blockchain cryptocurrency",
                DescriptionEn = "Neighbourhood revitalization project using blockchain and cryptocurrency technology",
            },
            new RelatedActivity
            {
                DescriptionTh = "ขอนแก่นเมืองแห่งการเรียนรู้ ร่วมแลกเปลี่ยนกับโครงการพัฒนาเมืองเชิงบูรณาการเพื่อการเติบโตแบบคาร์บอนต่ำ และการเป็นเมืองที่ฟื้นตัวได้ จากจุฬาลงกรณ์มหาวิทยาลัย",
                DescriptionEn = "Khon Kaen Learning City: exchange with Chulalongkorn University's integrated urban development project for low-carbon growth and resilient cities",
            },
            new RelatedActivity
            {
                DescriptionTh = "โครงการ MOVE MAPTAPHUT เทศบาลเมืองมาบตาพุต จังหวัดระยอง เข้าศึกษาดูงาน ณ ศูนย์ปฏิบัติการเมืองอัจฉริยะ (SCOPC)",
                DescriptionEn = "MOVE MAPTAPHUT: Map Ta Phut Town Municipality, Rayong, study visit to the Smart City Operation Center (SCOPC)",
            },
            new RelatedActivity
            {
                DescriptionTh = "โครงการอบรมสัมมนาแกนนำขับเคลื่อนชุมชน (MOVE MAPTAPHUT) เทศบาลเมืองมาบตาพุต จังหวัดระยอง",
                DescriptionEn = "Community leaders' training seminar (MOVE MAPTAPHUT), Map Ta Phut Town Municipality, Rayong",
            },
        ],
    };

    public const string SeriesNameEn = "Khon Kaen Smart City infrastructure partnership";
    public const string FollowUpTitleEn = "Khon Kaen Smart City infrastructure partnership: follow-up meeting";
    public const string FollowUpTitleTh = "ประชุมติดตามความร่วมมือด้านโครงสร้างพื้นฐานเมืองอัจฉริยะขอนแก่น";

    /// <summary>The series the workshop opened (as ครั้งที่ 1/2567), hosted by KKTT.</summary>
    public static MeetingSeries Series() => new()
    {
        NameTh = "ความร่วมมือด้านโครงสร้างพื้นฐานเมืองอัจฉริยะขอนแก่น",
        NameEn = SeriesNameEn,
    };

    /// <summary>
    /// The series' next meeting, two weeks from the day the demo is loaded, so that its invitations, answer links and
    /// check-in page are live: the standard agenda, its item 2 confirming the workshop's minutes, the workshop's attendees
    /// expected, minutes a draft. Its number (ครั้งที่ N/ปี) is the series' rule's, set by the seeder.
    /// </summary>
    public static Meeting FollowUp(DateOnly today) => new()
    {
        Kind = MeetingKind.Consultation,
        TitleTh = FollowUpTitleTh,
        TitleEn = FollowUpTitleEn,
        Date = today.AddDays(14),
        StartTime = new TimeOnly(9, 30),
        EndTime = new TimeOnly(12, 0),
        RoomTh = "ห้องประชุม KKTT",
        RoomEn = "KKTT meeting room",
        ObjectivesTh = "- ติดตามความคืบหน้าจากการประชุมเชิงปฏิบัติการครั้งที่ 1/2567",
        ObjectivesEn = "- Follow up the workshop of meeting No. 1/2024",
        MinutesStatus = MinutesStatus.Draft,
        InvitationReminderDays = 3,
    };

    /// <summary>A stand-in for an attendee the article does not name: "ผู้แทน หอการค้าจังหวัดขอนแก่น".</summary>
    public static Person Representative(Features.Organizations.Organization organization) => new()
    {
        GivenNameTh = "ผู้แทน",
        FamilyNameTh = organization.NameTh,
        GivenNameEn = "Representative of",
        FamilyNameEn = organization.NameEn,
        OrganizationId = organization.Id,
        LegalBasis = LegalBasis.LegitimateInterest,
    };
}
