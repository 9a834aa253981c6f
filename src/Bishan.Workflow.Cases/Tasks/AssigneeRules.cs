using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>What is wrong with an assignee rule (<see cref="AssigneeRules.Check"/>).</summary>
public enum AssigneeRuleProblem
{
    None,

    /// <summary>Not a case rule, a role rule or a user rule.</summary>
    Unknown,

    /// <summary><c>role:</c> without both a role and an org unit around the <c>@</c>.</summary>
    RoleIncomplete,

    /// <summary>A role that is not one of <see cref="Roles.All"/>.</summary>
    UnknownRole,

    /// <summary>An org unit id that is not in the org tree.</summary>
    UnknownUnit,

    /// <summary><c>user:</c> without a name.</summary>
    UserMissing,

    /// <summary>A user name with a space in it.</summary>
    UserSpace,

    /// <summary>A user name with another character user names cannot have (checked only when those are given).</summary>
    UserCharacter,
}

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

    /// <summary>
    /// The grammar every rule is checked against, when it is published and while the designer edits it: one of
    /// <see cref="CaseRules"/>, <c>role:Role@orgUnit</c> with a known role and org unit, or <c>user:name</c>. Returns the
    /// problem and the part it is about (a role, a unit or a character); an empty rule has none.
    /// </summary>
    public static (AssigneeRuleProblem Problem, string? Part) Check(string? rule, OrgTree tree, string allowedUserNameCharacters = "")
    {
        rule = rule?.Trim() ?? "";
        if (rule.Length == 0 || CaseRules.Contains(rule)) return (AssigneeRuleProblem.None, null);
        if (rule.StartsWith(RolePrefix, StringComparison.OrdinalIgnoreCase))
            return TryParseRole(rule, out var role, out var unit) ? CheckRole(role, unit, tree) : (AssigneeRuleProblem.RoleIncomplete, null);
        if (rule.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
            return CheckUser(rule[UserPrefix.Length..], allowedUserNameCharacters);
        return (AssigneeRuleProblem.Unknown, null);
    }

    /// <summary>A role and an org unit of a role rule.</summary>
    public static (AssigneeRuleProblem Problem, string? Part) CheckRole(string? role, string? unit, OrgTree tree)
    {
        if (string.IsNullOrWhiteSpace(role) || string.IsNullOrWhiteSpace(unit)) return (AssigneeRuleProblem.RoleIncomplete, null);
        if (!Roles.All.Contains(role.Trim(), StringComparer.OrdinalIgnoreCase)) return (AssigneeRuleProblem.UnknownRole, role.Trim());
        if (tree.Find(unit.Trim()) is null) return (AssigneeRuleProblem.UnknownUnit, unit.Trim());
        return (AssigneeRuleProblem.None, null);
    }

    /// <summary>The user name of a user rule; an empty <paramref name="allowedUserNameCharacters"/> allows any character.</summary>
    public static (AssigneeRuleProblem Problem, string? Part) CheckUser(string? userName, string allowedUserNameCharacters = "")
    {
        var name = userName?.Trim() ?? "";
        if (name.Length == 0) return (AssigneeRuleProblem.UserMissing, null);
        if (name.Any(char.IsWhiteSpace)) return (AssigneeRuleProblem.UserSpace, null);
        if (allowedUserNameCharacters.Length == 0) return (AssigneeRuleProblem.None, null);
        foreach (var rune in name.EnumerateRunes())
            if (!allowedUserNameCharacters.Contains(rune.ToString(), StringComparison.Ordinal))
                return (AssigneeRuleProblem.UserCharacter, rune.ToString());
        return (AssigneeRuleProblem.None, null);
    }

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
