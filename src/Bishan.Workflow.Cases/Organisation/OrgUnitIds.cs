namespace Bishan.Workflow.Cases.Organisation;

/// <summary>
/// Ids of the units the rules refer to by name (coordinating bodies, escalation). Schools and communities
/// are data, not rules, so only the seed knows their ids.
/// </summary>
public static class OrgUnitIds
{
    /// <summary>区委教育工作领导小组, the root of the tree.</summary>
    public const string District = "district";

    /// <summary>区级“五项行动”专班, seated at the Education Commission; coordinates severe cases.</summary>
    public const string TaskForce = "task-force";

    /// <summary>区教委: leads dropout prevention and special education, hosts the task force and the area centres' staff.</summary>
    public const string EducationCommission = "dept-education";

    /// <summary>区委政法委: coordinates help for minors involved in cases.</summary>
    public const string PoliticalLegalCommittee = "dept-political-legal";

    /// <summary>团区委: carries out help for minors involved in cases.</summary>
    public const string YouthLeague = "dept-youth-league";

    /// <summary>区民政局: leads care for unsupervised minors.</summary>
    public const string CivilAffairsBureau = "dept-civil-affairs";

    /// <summary>区卫健委: leads mental-health care.</summary>
    public const string HealthCommission = "dept-health";

    /// <summary>区公安局: issued the entry/exit rules jointly with the Education Commission; leads no action.</summary>
    public const string PublicSecurityBureau = "dept-public-security";

    /// <summary>璧城片区教育管理中心.</summary>
    public const string BichengArea = "area-bicheng";

    /// <summary>青杠片区教育管理中心.</summary>
    public const string QinggangArea = "area-qinggang";

    /// <summary>丁家片区教育管理中心.</summary>
    public const string DingjiaArea = "area-dingjia";

    /// <summary>大路片区教育管理中心.</summary>
    public const string DaluArea = "area-dalu";

    /// <summary>御湖小学, home of the district family-education guidance centre (璧山区家庭教育指导中心).</summary>
    public const string FamilyEducationGuidanceCentreHost = "school-yuhu-primary";

    /// <summary>区督查办: receives the 专报, issues supervision notices (督办) and signs off rectifications.</summary>
    public const string SupervisionOffice = "supervision-office";

    /// <summary>区委教育工作领导小组办公室: unanswered supervision notices escalate here.</summary>
    public const string LeadingGroupOffice = "leading-group-office";

    /// <summary>璧城街道, the first of the six streets.</summary>
    public const string BichengStreet = "town-bicheng";

    /// <summary>璧山区家庭教育指导中心, seated at 御湖小学; parent of the four sub-centres.</summary>
    public const string FamilyEducationCentre = "fe-centre";

    /// <summary>The four sub-centres of the guidance centre, one per area, in the source's order (璧城, 青杠, 丁家, 大路).</summary>
    public static IReadOnlyList<string> FamilyEducationSubCentres { get; } = ["fe-sub-bicheng", "fe-sub-qinggang", "fe-sub-dingjia", "fe-sub-dalu"];

    /// <summary>The four areas, in the order the source names them.</summary>
    public static IReadOnlyList<string> Areas { get; } = [BichengArea, QinggangArea, DingjiaArea, DaluArea];
}
