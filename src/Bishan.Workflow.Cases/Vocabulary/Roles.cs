namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>
/// Role names as constants, so that authorisation attributes, Identity seeding and claims all spell them the same way.
/// </summary>
public static class Roles
{
    /// <summary>系统管理员: edits workflows, users, org units, the resource pool and meeting schedules.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>帮扶责任人: teachers, social workers and community workers who complete case tasks.</summary>
    public const string Caseworker = nameof(Caseworker);

    /// <summary>审批人: approves escalations, exits and subsidies at the tier they are responsible for.</summary>
    public const string Supervisor = nameof(Supervisor);

    /// <summary>领导: reads dashboards and special reports.</summary>
    public const string Leader = nameof(Leader);

    /// <summary>专班秘书: runs the task force's meetings (agenda, minutes, decisions, report).</summary>
    public const string Secretary = nameof(Secretary);

    /// <summary>督查: the district supervision office (区督查办). Reads everything in the register, writes only supervision (督办).</summary>
    public const string Inspector = "Inspector";

    /// <summary>
    /// 家庭教育指导员: staff of the family-education guidance centre or a sub-centre. Sees no case file, only the families referred to
    /// their (sub-)centre: what guidance needs (the minor's name and school, the family with masked phones, the referral reason).
    /// </summary>
    public const string GuidanceWorker = nameof(GuidanceWorker);

    /// <summary>Every role, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, Caseworker, Supervisor, Leader, Secretary, Inspector, GuidanceWorker];
}
