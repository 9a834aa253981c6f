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
/// <item>Towns and streets (镇街) are not modelled yet; communities and villages sit directly under their area.</item>
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
        return units;
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
