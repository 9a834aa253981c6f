namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// Who gets a task, resolved from the case when the task is created: the case's caseworker, the supervisor
/// of its coordinating body, the supervisor one tier up, a role in an org unit (<c>role:Secretary@task-force</c>)
/// or a named user (<c>user:zhangsan</c>).
/// </summary>
public static class AssigneeRules
{
    public const string CaseCaseworker = "case.caseworker";
    public const string CaseCoordinator = "case.coordinator";
    public const string CaseCoordinatorUp = "case.coordinator.up";
    public const string TaskForceSecretary = "role:Secretary@task-force";
    public const string RolePrefix = "role:";
    public const string UserPrefix = "user:";

    /// <summary>The case rules, in the order the designer offers them.</summary>
    public static IReadOnlyList<string> CaseRules { get; } = [CaseCaseworker, CaseCoordinator, CaseCoordinatorUp];

    /// <summary>The rule for a role in an org unit, e.g. <c>role:Secretary@task-force</c>.</summary>
    public static string RoleIn(string role, string orgUnitId) => $"{RolePrefix}{role}@{orgUnitId}";

    /// <summary>The rule for one named user, e.g. <c>user:zhangsan</c>.</summary>
    public static string User(string userName) => UserPrefix + userName;

    /// <summary>Splits <c>role:Role@unit</c> into its role and unit; false for any other rule.</summary>
    public static bool TryParseRole(string? rule, out string role, out string orgUnitId)
    {
        role = orgUnitId = "";
        if (rule is null || !rule.StartsWith(RolePrefix, StringComparison.OrdinalIgnoreCase)) return false;
        var body = rule[RolePrefix.Length..];
        var at = body.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == body.Length - 1) return false;
        role = body[..at].Trim();
        orgUnitId = body[(at + 1)..].Trim();
        return true;
    }
}
