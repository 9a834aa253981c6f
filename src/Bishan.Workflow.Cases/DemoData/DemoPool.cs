using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// The demo helper resource pool (帮扶资源库), reproducing the source's figures by kind: 19 teams, 167 family-education
/// instructors, 660 party members from agencies, 461 retired cadres (五老), 84 members of the public and 11 social workers
/// (区教委 3, 区民政局 4, 团区委 4). Two experts, the volunteers and one grid worker (网络员) per town/street are the demo's
/// own additions (the source gives no figure for them). Synthetic names, deterministic, so a reload gives the same pool.
/// </summary>
public static class DemoPool
{
    /// <summary>The source's figures, by kind (what the statistics page and the 专报 must show for the demo).</summary>
    public static IReadOnlyDictionary<HelperKind, int> SourceFigures { get; } = new Dictionary<HelperKind, int>
    {
        [HelperKind.Team] = 19,
        [HelperKind.FamilyEducationInstructor] = 167,
        [HelperKind.PartyMember] = 660,
        [HelperKind.RetiredCadre] = 461,
        [HelperKind.Public] = 84,
        [HelperKind.SocialWorker] = 11,
    };

    /// <summary>Social workers by employing department (565.6k yuan for 11: 教委 3, 民政局 4, 团区委 4).</summary>
    public static IReadOnlyDictionary<string, int> SocialWorkersByDepartment { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [OrgUnitIds.EducationCommission] = 3,
        [OrgUnitIds.CivilAffairsBureau] = 4,
        [OrgUnitIds.YouthLeague] = 4,
    };

    /// <summary>
    /// The third-party company that guides family education district-wide (source: 引入第三方公司全域开展家庭教育指导), one of the
    /// 19 teams, placed at the family-education guidance centre so its staff can be put on a referral's guidance.
    /// </summary>
    public const string FamilyEducationProvider = "家校共育家庭教育指导服务中心（第三方）";

    private static readonly string[] TeamNames =
    [
        "同心护未来", "渝童成长", "心灵成长社", "青学·成长大课堂", "璧护花开", "阳光伙伴", "童心守护", "暖阳家园", "护苗先锋",
        "成长驿站", "知心姐姐", "法治护航", "春芽关爱", "璧山青禾", FamilyEducationProvider, "彩虹桥", "启航帮扶", "向日葵", "明灯引路",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林"];
    private static readonly string[] GivenNames = ["建华", "秀英", "志强", "丽娟", "文杰", "红梅", "国庆", "晓燕", "德明", "春兰", "永红", "海燕", "世平", "玉兰", "光明", "小琴"];

    /// <summary>The whole demo pool; helpers of a team carry its name.</summary>
    public static IReadOnlyList<Helper> Build(OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var helpers = new List<Helper>();
        helpers.AddRange(TeamNames.Select(t => t == FamilyEducationProvider
            ? new Helper { Name = t, Kind = HelperKind.Team, OrgUnitId = OrgUnitIds.FamilyEducationCentre, Specialty = "家庭教育指导（全区，第三方）" }
            : new Helper { Name = t, Kind = HelperKind.Team }));
        var areas = OrgUnitIds.Areas;
        var n = 0;
        string Person(string suffix) => $"{Surnames[n % Surnames.Length]}{GivenNames[n++ / Surnames.Length % GivenNames.Length]}{suffix}";

        Add(HelperKind.FamilyEducationInstructor, 167, i => (Person("老师"), i % 2 == 0 ? OrgUnitIds.FamilyEducationGuidanceCentreHost : areas[i % 4]));
        Add(HelperKind.PartyMember, 660, i => (Person(""), i % 3 == 0 ? OrgUnitIds.EducationCommission : areas[i % 4]));
        Add(HelperKind.RetiredCadre, 461, i => (Person("（五老）"), areas[i % 4]));
        Add(HelperKind.Public, 84, i => (Person(""), areas[i % 4]));
        foreach (var (department, count) in SocialWorkersByDepartment)
            for (var i = 0; i < count; i++)
                helpers.Add(new Helper { Name = Person("社工"), Kind = HelperKind.SocialWorker, OrgUnitId = department });
        helpers.Add(new Helper { Name = "周医生", Kind = HelperKind.Expert, OrgUnitId = OrgUnitIds.HealthCommission, TeamName = "心灵成长社", Specialty = "儿童青少年心理" });
        helpers.Add(new Helper { Name = "吴律师", Kind = HelperKind.Expert, OrgUnitId = OrgUnitIds.PoliticalLegalCommittee, Specialty = "未成年人法律援助" });
        Add(HelperKind.Volunteer, 24, i => (Person("（志愿者）"), areas[i % 4]));
        foreach (var town in tree.OfKind(Vocabulary.OrgUnitKind.TownStreet).Where(t => !t.Retired))
            helpers.Add(new Helper { Name = Person("（网络员）"), Kind = HelperKind.GridWorker, OrgUnitId = town.Id });
        return helpers;

        void Add(HelperKind kind, int count, Func<int, (string Name, string OrgUnitId)> make)
        {
            for (var i = 0; i < count; i++)
            {
                var (name, unit) = make(i);
                // Every tenth person works in a team, round robin, as the source's teams draw on the pool.
                helpers.Add(new Helper { Name = name, Kind = kind, OrgUnitId = unit, TeamName = i % 10 == 0 ? TeamNames[i / 10 % TeamNames.Length] : null });
            }
        }
    }
}
