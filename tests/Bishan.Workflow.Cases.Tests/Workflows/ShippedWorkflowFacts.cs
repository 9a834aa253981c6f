using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Cases.Tests.Workflows;

/// <summary>The files in <c>workflows/</c> load, validate and read well in the designer.</summary>
public sealed partial class ShippedWorkflowFacts
{
    public static TheoryData<string> Shipped => new()
    {
        "case-intake", "tiered-escalation", "weekly-consultation", "monthly-special-meeting", "exit-evaluation", "post-exit-follow-up",
        "subsidy-approval", "special-meeting", "special-report", "guardianship-consultation", "family-education-referral",
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Validate_ReturnsNoErrors_ForShippedWorkflow(string definitionId)
    {
        var definition = CaseHarness.Load(definitionId);

        var errors = new WorkflowValidator(CaseHarness.Registry, [new AssigneeRuleValidator(OrgUnitSeed.Tree)]).Validate(definition);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.ActivityId}: {e.Message}")));
        Assert.Equal(definitionId, definition.DefinitionId);
    }

    [Fact]
    public void Validate_ReportsTaskPortThatIsNotAnOutcome()
    {
        var json = File.ReadAllText(RepoPaths.WorkflowFile("case-intake")).Replace("\"port\": \"NotEligible\"", "\"port\": \"Maybe\"");

        var errors = new WorkflowValidator(CaseHarness.Registry).Validate(CaseHarness.Parse(json));

        Assert.Contains(errors, e => e.ActivityId == "screening" && e.Message.Contains("'Maybe' is not an outcome"));
    }

    [Fact]
    public void WorkflowsFolder_HoldsEveryShippedWorkflow()
    {
        var files = Directory.GetFiles(RepoPaths.Workflows, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();

        foreach (var id in Shipped) Assert.Contains(id, files);
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Activities_HaveReadableIdsChineseNamesAndDistinctPositions_ForShippedWorkflow(string definitionId)
    {
        var doc = JsonNode.Parse(File.ReadAllText(RepoPaths.WorkflowFile(definitionId)))!.AsObject();
        var activities = doc["root"]!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();

        Assert.Matches(Cjk(), doc["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(doc["description"]?.GetValue<string>()));
        var positions = new HashSet<(double, double)>();
        foreach (var a in activities)
        {
            var id = a["id"]!.GetValue<string>();
            Assert.Matches(KebabId(), id);
            Assert.Matches(Cjk(), a["name"]!.GetValue<string>());
            var position = a["metadata"]?["designer"]?["position"] ?? throw new Xunit.Sdk.XunitException($"{id} has no designer position.");
            Assert.True(positions.Add((position["x"]!.GetValue<double>(), position["y"]!.GetValue<double>())), $"{id} sits on another activity.");
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Connections_RunLeftToRight_OrWrapToALaterRow_ExceptLoopsBack(string definitionId)
    {
        var doc = JsonNode.Parse(File.ReadAllText(RepoPaths.WorkflowFile(definitionId)))!.AsObject();
        var position = doc["root"]!["activities"]!.AsArray().ToDictionary(
            a => a!["id"]!.GetValue<string>(),
            a => (X: a!["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>(),
                Y: a!["metadata"]!["designer"]!["position"]!["y"]!.GetValue<double>()));
        var definition = CaseHarness.Load(definitionId);
        var loopTargets = new HashSet<string> { "screening", "approve-change", "team-evaluation", "help-wait", "approve-subsidy" };

        // The designer's layout runs a long chain left to right in rows (case-intake wraps into three).
        foreach (var c in definition.Root.Connections.Where(c => !loopTargets.Contains(c.Target)))
            Assert.True(position[c.Target].X >= position[c.Source].X || position[c.Target].Y > position[c.Source].Y,
                $"{c.Source} → {c.Target} runs right to left on one row.");
    }

    [Fact]
    public void CaseWorkflows_DeclareCaseIdVariable()
    {
        foreach (var id in new[] { "case-intake", "tiered-escalation", "exit-evaluation", "post-exit-follow-up", "subsidy-approval", "guardianship-consultation" })
            Assert.Contains(CaseHarness.Load(id).Variables, v => v.Name == "caseId" && v.TypeName == "String");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();
}
