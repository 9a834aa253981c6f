using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Cases.Tests.Tasks;

/// <summary>Publishing checks assignee rules: a rule nobody can resolve is an error on its activity, in the reader's language.</summary>
public sealed class AssigneeRuleValidatorFacts
{
    private static readonly WorkflowValidator Validator = new(CaseHarness.Registry, [new AssigneeRuleValidator(OrgUnitSeed.Tree)]);

    private static JsonObject Literal(string typeName, string value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Task(string id, string assignee, string type = "Bishan.UserTask", string input = "assignee") => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["version"] = 1,
        ["title"] = Literal("String", "核实情况"),
        ["subject"] = Literal("ApprovalSubject", "Exit"),
        [input] = new JsonObject
        {
            ["typeName"] = "AssigneeRule",
            ["expression"] = new JsonObject { ["type"] = assignee.StartsWith("{{", StringComparison.Ordinal) ? "Liquid" : "Literal", ["value"] = assignee },
        },
    };

    private static IReadOnlyList<ValidationError> Validate(params JsonObject[] activities)
    {
        var json = new JsonObject
        {
            ["id"] = "t-v1", ["definitionId"] = "t", ["name"] = "t", ["version"] = 1,
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
                ["activities"] = new JsonArray([.. activities]), ["connections"] = new JsonArray(),
            },
        };
        return Validator.Validate(CaseHarness.Parse(json.ToJsonString()));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("case.caseworker")]
    [InlineData("case.coordinator")]
    [InlineData("case.coordinator.up")]
    [InlineData("role:Secretary@task-force")]
    [InlineData("role:leader@district")]
    [InlineData("user:zhangsan")]
    [InlineData("{{ assignee }}")]
    public void Accepts_RulesThatResolve_AndRulesKnownOnlyAtRunTime(string rule)
    {
        Assert.Empty(Validate(Task("check", rule)));
    }

    [Theory]
    [InlineData("caseworker", "不是有效的办理人规则")]
    [InlineData("supervisor:area-bicheng", "不是有效的办理人规则")]
    [InlineData("role:Leader", "须写明角色和组织机构")]
    [InlineData("role:Boss@district", "角色“Boss”不存在")]
    [InlineData("role:Supervisor@area-nowhere", "组织机构“area-nowhere”不存在")]
    [InlineData("user:", "须在 user: 后写明登录名")]
    public void Refuses_AMalformedRule_OnItsActivity_InChineseByDefault(string rule, string expected)
    {
        var error = Assert.Single(InCulture(DomainCultures.Chinese, () => Validate(Task("check", rule))));

        Assert.Equal("check", error.ActivityId);
        Assert.Contains(expected, error.Message);
        Assert.Contains($"“{rule}”", error.Message);
        Assert.StartsWith("“办理人”", error.Message);
    }

    [Fact]
    public void Refuses_AnApproversRule_InEnglish_ForAnEnglishReader()
    {
        var errors = InCulture(DomainCultures.English, () => Validate(
            Task("approve", "role:Supervisor@area-nowhere", "Bishan.Approval", "approver"),
            Task("second", "case.coordinator", "Bishan.Approval", "secondApprover")));

        var error = Assert.Single(errors);
        Assert.Equal("approve", error.ActivityId);
        Assert.Contains("the org unit “area-nowhere”, which does not exist", error.Message);
    }

    [Fact]
    public void LeavesRecipientDropdowns_ToTheEnginesOptionsCheck_SoEachMistakeIsReportedOnce()
    {
        var notify = Task("tell", "role:Boss@district", "Bishan.Notify", "recipient");
        notify["message"] = Literal("String", "请注意。");

        var error = Assert.Single(Validate(notify));

        Assert.Equal("tell", error.ActivityId);
        Assert.Contains("is not one of", error.Message);
    }
}
