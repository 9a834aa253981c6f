using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// The demo accounts (Development only, password from <c>Seed:DemoPassword</c>): one per role, a caseworker at a school
/// and one at a community, and a supervisor for every coordinating body, so that each tier's approvals have someone
/// to go to. Synthetic people; listed in the README.
/// </summary>
public static class DemoUsers
{
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin", "系统管理员", Roles.Administrator, OrgUnitIds.District),
        new("caseworker", "张老师（璧山中学）", Roles.Caseworker, "school-bishan-middle"),
        new("caseworker2", "李社工（青杠社区）", Roles.Caseworker, "community-qinggang"),
        new("supervisor-bicheng", "璧城片区负责人", Roles.Supervisor, OrgUnitIds.BichengArea),
        new("supervisor-qinggang", "青杠片区负责人", Roles.Supervisor, OrgUnitIds.QinggangArea),
        new("supervisor-dingjia", "丁家片区负责人", Roles.Supervisor, OrgUnitIds.DingjiaArea),
        new("supervisor-dalu", "大路片区负责人", Roles.Supervisor, OrgUnitIds.DaluArea),
        new("supervisor-edu", "区教委审批人", Roles.Supervisor, OrgUnitIds.EducationCommission),
        new("supervisor-zfw", "区委政法委审批人", Roles.Supervisor, OrgUnitIds.PoliticalLegalCommittee),
        new("supervisor-tuanqu", "团区委审批人", Roles.Supervisor, OrgUnitIds.YouthLeague),
        new("supervisor-minzheng", "区民政局审批人", Roles.Supervisor, OrgUnitIds.CivilAffairsBureau),
        new("supervisor-weijian", "区卫健委审批人", Roles.Supervisor, OrgUnitIds.HealthCommission),
        new("supervisor-taskforce", "区级专班审批人", Roles.Supervisor, OrgUnitIds.TaskForce),
        new("secretary", "专班秘书", Roles.Secretary, OrgUnitIds.TaskForce),
        // Reports incidents for the outcome indicators (区公安局 leads no action, so it sees no case files).
        new("police", "区公安局报送员", Roles.Caseworker, OrgUnitIds.PublicSecurityBureau),
        new("leader", "领导小组领导", Roles.Leader, OrgUnitIds.District),
        // 区督查办: reads the whole register, issues supervision notices (督办) and signs off rectifications.
        new("inspector", "区督查办督查员", Roles.Inspector, OrgUnitIds.SupervisionOffice),
        // A 镇街 party committee (level two of the chain): answers supervision notices for its communities and villages.
        new("supervisor-bicheng-street", "璧城街道负责人", Roles.Supervisor, OrgUnitIds.BichengStreet),
        // 家庭教育指导员: the centre (every referral) and two sub-centres (their area's referrals only).
        new("guidance-centre", "家庭教育指导中心指导员", Roles.GuidanceWorker, OrgUnitIds.FamilyEducationCentre),
        new("guidance-bicheng", "璧城分中心指导员", Roles.GuidanceWorker, OrgUnitIds.FamilyEducationSubCentres[0]),
        new("guidance-qinggang", "青杠分中心指导员", Roles.GuidanceWorker, OrgUnitIds.FamilyEducationSubCentres[1]),
    ];

    public static DemoUser Get(string userName) => All.First(u => u.UserName == userName);
}
