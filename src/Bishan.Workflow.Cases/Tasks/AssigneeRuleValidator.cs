using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// Checks the assignee rules written into a definition (<c>Bishan.UserTask</c>'s assignee, <c>Bishan.Approval</c>'s approvers,
/// any input of type <see cref="TypeName"/>) when it is saved or published, so that a rule nobody can resolve fails there,
/// on its activity, instead of leaving a task with no one to do it. Rules bound to a variable or a script are known only
/// at run time and are not checked; inputs with a fixed list of options are already checked by the engine.
/// </summary>
public sealed class AssigneeRuleValidator(OrgTree tree) : IActivityValidator
{
    /// <summary>The input type of assignee rules.</summary>
    public const string TypeName = "AssigneeRule";

    public IEnumerable<ValidationError> Validate(ActivityNode node, ActivityDescriptor descriptor)
    {
        foreach (var input in descriptor.Inputs)
        {
            if (input.TypeName != TypeName || input.Options is { Count: > 0 }) continue;
            if (node.GetProperty(input.Name) is not JsonObject raw || !raw.ContainsKey("expression")) continue;
            var value = InputValue.From(raw);
            if (value.ExpressionType != "Literal" || ValueConverter.ToText(value.Value) is not { } rule || string.IsNullOrWhiteSpace(rule)) continue;
            if (Check(rule) is { } problem)
                yield return new ValidationError(node.Id, UseCaseStrings.Format(problem.Key,
                    [input.DisplayName.For(CultureInfo.CurrentUICulture.Name), rule.Trim(), .. problem.Args]));
        }
    }

    /// <summary>The resource key and extra arguments of what is wrong with <paramref name="rule"/>, or null when it resolves.</summary>
    public (string Key, object[] Args)? Check(string rule) => AssigneeRules.Check(rule, tree) switch
    {
        (AssigneeRuleProblem.None, _) => null,
        (AssigneeRuleProblem.RoleIncomplete, _) => ("Assignee_RoleFormat", []),
        (AssigneeRuleProblem.UnknownRole, var role) => ("Assignee_RoleUnknown", [role!, string.Join(", ", Roles.All)]),
        (AssigneeRuleProblem.UnknownUnit, var unit) => ("Assignee_OrgUnitUnknown", [unit!]),
        (AssigneeRuleProblem.UserMissing or AssigneeRuleProblem.UserSpace or AssigneeRuleProblem.UserCharacter, _) => ("Assignee_UserNameMissing", []),
        _ => ("Assignee_RuleUnknown", []),
    };
}
