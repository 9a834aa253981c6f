using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Organisation;

/// <summary>
/// The organisation seeded on first start: the chain from DOMAIN.md plus sample schools and communities
/// (synthetic, plausible names) under each area.
/// </summary>
/// <remarks>
/// Shape decisions:
/// <list type="bullet">
/// <item>The task force and the departments hang under the leading group; the task force is seated at the
/// Education Commission, but it answers to the leading group (its 专报 goes there), so that is its parent.</item>
/// <item>The area centres also hang directly under the leading group, not under the Education Commission that
/// staffs them: scoping by subtree must never hand a department every school in the district. A department's
/// reach is its <see cref="OrgUnit.Actions"/>, across all areas.</item>
/// <item>The 15 towns and streets (镇街: 6 街道, 9 镇) hang under the leading group beside the departments (level two of
/// the chain) and name the area (片区) they lie in; their own communities and villages sit under them. The sample
/// communities seeded before 镇街 existed stay under their area, so existing ids and scopes do not change.</item>
/// <item>区督查办 and the leading group's office (领导小组办公室) hang under the leading group.</item>
/// </list>
/// </remarks>
public static class OrgUnitSeed
{
    /// <summary>Every seeded unit, parents before children.</summary>
    public static IReadOnlyList<OrgUnit> All { get; } = Build();

    /// <summary>The seeded units as a tree, for scope checks in tests and demo data.</summary>
    public static OrgTree Tree { get; } = new(All);

    private static List<OrgUnit> Build()
    {
        List<OrgUnit> units =
        [
            new(OrgUnitIds.District, "区委教育工作领导小组", OrgUnitKind.District, null)
            {
                EnglishName = "District Education Work Leading Group",
            },
            new(OrgUnitIds.TaskForce, "区级“五项行动”专班", OrgUnitKind.TaskForce, OrgUnitIds.District)
            {
                EnglishName = "District Five-Actions Task Force",
            },
            Department(OrgUnitIds.EducationCommission, "区教委", "District Education Commission",
                FiveAction.DropoutPrevention, FiveAction.SpecialEducation),
            Department(OrgUnitIds.PoliticalLegalCommittee, "区委政法委", "District Political-Legal Committee",
                FiveAction.CaseInvolved),
            Department(OrgUnitIds.YouthLeague, "团区委", "District Youth League Committee",
                FiveAction.CaseInvolved),
            Department(OrgUnitIds.CivilAffairsBureau, "区民政局", "District Civil Affairs Bureau",
                FiveAction.Unsupervised),
            Department(OrgUnitIds.HealthCommission, "区卫健委", "District Health Commission",
                FiveAction.MentalHealth),
            Department(OrgUnitIds.PublicSecurityBureau, "区公安局", "District Public Security Bureau"),
            new(OrgUnitIds.SupervisionOffice, "区督查办", OrgUnitKind.SupervisionOffice, OrgUnitIds.District)
            {
                EnglishName = "District Supervision Office",
            },
            new(OrgUnitIds.LeadingGroupOffice, "区委教育工作领导小组办公室", OrgUnitKind.LeadingGroupOffice, OrgUnitIds.District)
            {
                EnglishName = "Office of the Leading Group",
            },
        ];

        AddArea(units, OrgUnitIds.BichengArea, "璧城", "Bicheng",
            schools:
            [
                ("school-bishan-middle", "璧山中学", "Bishan Middle School"),
                (OrgUnitIds.FamilyEducationGuidanceCentreHost, "御湖小学", "Yuhu Primary School"),
                ("school-bicheng-primary", "璧城小学", "Bicheng Primary School"),
                ("school-biquan-middle", "璧泉初级中学", "Biquan Junior Middle School"),
            ],
            communities:
            [
                ("community-donglin", "东林社区", "Donglin Community"),
                ("community-daishan", "黛山社区", "Daishan Community"),
                ("village-shuangxing", "双星村", "Shuangxing Village"),
            ]);
        AddArea(units, OrgUnitIds.QinggangArea, "青杠", "Qinggang",
            schools:
            [
                ("school-qinggang-primary", "青杠小学", "Qinggang Primary School"),
                ("school-qinggang-middle", "青杠初级中学", "Qinggang Junior Middle School"),
                ("school-laifeng-primary", "来凤小学", "Laifeng Primary School"),
            ],
            communities:
            [
                ("community-qinggang", "青杠社区", "Qinggang Community"),
                ("community-laifeng", "来凤社区", "Laifeng Community"),
                ("village-baiyun", "白云村", "Baiyun Village"),
            ]);
        AddArea(units, OrgUnitIds.DingjiaArea, "丁家", "Dingjia",
            schools:
            [
                ("school-dingjia-middle", "丁家中学", "Dingjia Middle School"),
                ("school-dingjia-primary", "丁家小学", "Dingjia Primary School"),
                ("school-zhengxing-primary", "正兴小学", "Zhengxing Primary School"),
                ("school-fulu-primary", "福禄小学", "Fulu Primary School"),
            ],
            communities:
            [
                ("community-dingjia", "丁家社区", "Dingjia Community"),
                ("village-shiyuan", "石院村", "Shiyuan Village"),
            ]);
        AddArea(units, OrgUnitIds.DaluArea, "大路", "Dalu",
            schools:
            [
                ("school-dalu-primary", "大路小学", "Dalu Primary School"),
                ("school-dalu-middle", "大路中学", "Dalu Middle School"),
                ("school-sanhe-primary", "三合小学", "Sanhe Primary School"),
            ],
            communities:
            [
                ("community-dalu", "大路社区", "Dalu Community"),
                ("village-sanhe", "三合村", "Sanhe Village"),
                ("village-tuanba", "团坝村", "Tuanba Village"),
            ]);
        AddTownsAndStreets(units);
        AddFamilyEducationCentre(units);
        return units;
    }

    /// <summary>
    /// The family-education guidance centre (家庭教育指导中心, seated at 御湖小学) under the leading group, and its four sub-centres
    /// under it. Each sub-centre serves the area (片区) of the same name: the schools, communities and 镇街 of that area (this
    /// seed's assumption: the source names the sub-centres after the areas' seats, so they follow the area map).
    /// </summary>
    private static void AddFamilyEducationCentre(List<OrgUnit> units)
    {
        units.Add(new(OrgUnitIds.FamilyEducationCentre, "璧山区家庭教育指导中心（御湖小学）", OrgUnitKind.FamilyEducationCentre, OrgUnitIds.District)
        {
            EnglishName = "Family Education Guidance Centre (Yuhu Primary School)",
        });
        (string Chinese, string English)[] names = [("璧城", "Bicheng"), ("青杠", "Qinggang"), ("丁家", "Dingjia"), ("大路", "Dalu")];
        for (var i = 0; i < names.Length; i++)
            units.Add(new(OrgUnitIds.FamilyEducationSubCentres[i], $"家庭教育指导中心{names[i].Chinese}分中心", OrgUnitKind.FamilyEducationSubCentre,
                OrgUnitIds.FamilyEducationCentre)
            {
                EnglishName = $"Family Education Guidance Sub-centre {names[i].English}",
                AreaId = OrgUnitIds.Areas[i],
            });
    }

    /// <summary>
    /// Bishan's 6 streets and 9 towns, each in the area (片区) whose education-management centre serves it, with one or two
    /// synthetic communities or villages under each. The area of each is this seed's assumption, not an official map.
    /// </summary>
    private static void AddTownsAndStreets(List<OrgUnit> units)
    {
        (string Id, string Name, string English, string Area, (string Id, string Name, string English)[] Places)[] towns =
        [
            (OrgUnitIds.BichengStreet, "璧城街道", "Bicheng Street", OrgUnitIds.BichengArea,
                [("community-bicheng-xiufeng", "秀峰社区", "Xiufeng Community"), ("community-bicheng-huilong", "回龙社区", "Huilong Community")]),
            ("town-biquan", "璧泉街道", "Biquan Street", OrgUnitIds.BichengArea,
                [("community-biquan-jinjian", "金剑社区", "Jinjian Community"), ("village-biquan-quankou", "泉口村", "Quankou Village")]),
            ("town-qinggang", "青杠街道", "Qinggang Street", OrgUnitIds.QinggangArea,
                [("community-qinggang-tiancheng", "天成社区", "Tiancheng Community")]),
            ("town-laifeng", "来凤街道", "Laifeng Street", OrgUnitIds.QinggangArea,
                [("community-laifeng-fengming", "凤鸣社区", "Fengming Community")]),
            ("town-dingjia", "丁家街道", "Dingjia Street", OrgUnitIds.DingjiaArea,
                [("community-dingjia-liyuan", "梨园社区", "Liyuan Community")]),
            ("town-dalu", "大路街道", "Dalu Street", OrgUnitIds.DaluArea,
                [("community-dalu-taiping", "太平社区", "Taiping Community")]),
            ("town-qitang", "七塘镇", "Qitang Town", OrgUnitIds.QinggangArea,
                [("village-qitang-jiangjun", "将军村", "Jiangjun Village")]),
            ("town-hebian", "河边镇", "Hebian Town", OrgUnitIds.BichengArea,
                [("village-hebian-qiaodong", "桥东村", "Qiaodong Village")]),
            ("town-fulu", "福禄镇", "Fulu Town", OrgUnitIds.DingjiaArea,
                [("village-fulu-longquan", "龙泉村", "Longquan Village")]),
            ("town-daxing", "大兴镇", "Daxing Town", OrgUnitIds.BichengArea,
                [("village-daxing-xinsheng", "新胜村", "Xinsheng Village")]),
            ("town-zhengxing", "正兴镇", "Zhengxing Town", OrgUnitIds.DingjiaArea,
                [("village-zhengxing-shuangqiao", "双桥村", "Shuangqiao Village")]),
            ("town-guangpu", "广普镇", "Guangpu Town", OrgUnitIds.DingjiaArea,
                [("village-guangpu-baoding", "宝顶村", "Baoding Village")]),
            ("town-sanhe", "三合镇", "Sanhe Town", OrgUnitIds.DaluArea,
                [("village-sanhe-huayuan", "花园村", "Huayuan Village")]),
            ("town-batang", "八塘镇", "Batang Town", OrgUnitIds.DaluArea,
                [("village-batang-xiangyang", "向阳村", "Xiangyang Village")]),
            ("town-jianlong", "健龙镇", "Jianlong Town", OrgUnitIds.DaluArea,
                [("village-jianlong-yanwan", "燕湾村", "Yanwan Village")]),
        ];
        foreach (var town in towns)
        {
            units.Add(new(town.Id, town.Name, OrgUnitKind.TownStreet, OrgUnitIds.District) { EnglishName = town.English, AreaId = town.Area });
            units.AddRange(town.Places.Select(p => new OrgUnit(p.Id, p.Name, OrgUnitKind.Community, town.Id) { EnglishName = p.English, AreaId = town.Area }));
        }
    }

    private static OrgUnit Department(string id, string name, string englishName, params FiveAction[] actions) =>
        new(id, name, OrgUnitKind.Department, OrgUnitIds.District) { EnglishName = englishName, Actions = actions };

    private static void AddArea(
        List<OrgUnit> units,
        string areaId,
        string chineseArea,
        string englishArea,
        IEnumerable<(string Id, string Name, string EnglishName)> schools,
        IEnumerable<(string Id, string Name, string EnglishName)> communities)
    {
        units.Add(new(areaId, $"{chineseArea}片区教育管理中心", OrgUnitKind.Area, OrgUnitIds.District)
        {
            EnglishName = $"{englishArea} Area Education Management Centre",
        });
        units.AddRange(schools.Select(s => Member(s, OrgUnitKind.School, areaId)));
        units.AddRange(communities.Select(c => Member(c, OrgUnitKind.Community, areaId)));
    }

    private static OrgUnit Member((string Id, string Name, string EnglishName) unit, OrgUnitKind kind, string areaId) =>
        new(unit.Id, unit.Name, kind, areaId) { EnglishName = unit.EnglishName, AreaId = areaId };
}
