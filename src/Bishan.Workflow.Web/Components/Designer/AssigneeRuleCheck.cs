using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>What is wrong with an assignee rule, as the picker shows it under the field.</summary>
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

    /// <summary>A user name with another character user names cannot have.</summary>
    UserCharacter,
}

/// <summary>
/// The designer's check of an assignee rule's grammar while it is edited: <c>case.caseworker</c>,
/// <c>case.coordinator</c>, <c>case.coordinator.up</c>, <c>role:Role@orgUnit</c> (a known role and org unit) or
/// <c>user:name</c> (a name made of the characters user names may have). It only explains; it does not decide what
/// publishing accepts.
/// </summary>
public static class AssigneeRuleCheck
{
    /// <summary>The problem with a whole rule, and the part of it the problem is about (a role, unit or character).</summary>
    public static (AssigneeRuleProblem Problem, string? Part) Check(string? rule, OrgTree tree, string allowedUserNameCharacters)
    {
        rule = rule?.Trim() ?? "";
        if (rule.Length == 0 || AssigneeRules.CaseRules.Contains(rule)) return (AssigneeRuleProblem.None, null);
        if (rule.StartsWith(AssigneeRules.RolePrefix, StringComparison.OrdinalIgnoreCase))
        {
            if (!AssigneeRules.TryParseRole(rule, out var role, out var unit)) return (AssigneeRuleProblem.RoleIncomplete, null);
            return CheckRole(role, unit, tree);
        }
        if (rule.StartsWith(AssigneeRules.UserPrefix, StringComparison.OrdinalIgnoreCase))
            return CheckUser(rule[AssigneeRules.UserPrefix.Length..], allowedUserNameCharacters);
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
    public static (AssigneeRuleProblem Problem, string? Part) CheckUser(string? userName, string allowedUserNameCharacters)
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
}
