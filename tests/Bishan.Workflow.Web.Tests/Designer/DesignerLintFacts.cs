using Bishan.Workflow.Engine.Authoring;
using Bishan.Workflow.Web.Components.Designer;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The designer's lint pass (issue 14): unreachable activities and dead-end branches, warned before publishing.</summary>
public sealed class DesignerLintFacts
{
    private static ActivityView A(string id, string type = "Elsa.WriteLine", bool canStart = false) => new(id, type, id, (0, 0), canStart);

    private static ConnectionView C(string source, string target, string port = "Done") => new(source, port, target, "In");

    private static readonly Dictionary<string, string[]> Outcomes = new()
    {
        ["decide"] = ["True", "False"],
        ["review"] = ["Stable", "Relapse"],
        ["check"] = ["Stable", "Relapse"],
    };

    private static IReadOnlyList<string> OutcomesOf(string id) => Outcomes.GetValueOrDefault(id) ?? ["Done"];

    [Fact]
    public void AnActivityNothingLeadsTo_IsUnreachable_AndSoIsWhatOnlyItLeadsTo()
    {
        var warnings = DesignerLint.Check(
            [A("start", "Elsa.Start"), A("a"), A("orphan"), A("after-orphan")],
            [C("start", "a"), C("orphan", "after-orphan")],
            OutcomesOf, "start");

        Assert.Contains(new LintWarning("orphan", LintKind.NoInbound), warnings);
        Assert.Contains(new LintWarning("after-orphan", LintKind.Unreachable), warnings);
        Assert.DoesNotContain(warnings, w => w.ActivityId is "start" or "a");
    }

    [Fact]
    public void ADecisionWithOneBranchOpen_IsADeadEnd_ButTheLastActivityIsNot()
    {
        var warnings = DesignerLint.Check(
            [A("start", "Elsa.Start"), A("decide", "Elsa.FlowDecision"), A("yes")],
            [C("start", "decide"), C("decide", "yes", "True")],
            OutcomesOf, "start");

        Assert.Equal([new LintWarning("decide", LintKind.DeadEnd, "False")], warnings);
    }

    [Fact]
    public void ATriggerMarkedAsAStart_IsNotUnreachable()
    {
        var warnings = DesignerLint.Check([A("cron", "Elsa.Cron", canStart: true), A("next")], [C("cron", "next")], OutcomesOf, "cron");
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("case-intake")]
    [InlineData("tiered-escalation")]
    [InlineData("weekly-consultation")]
    [InlineData("monthly-special-meeting")]
    [InlineData("exit-evaluation")]
    [InlineData("subsidy-approval")]
    [InlineData("post-exit-follow-up")]
    [InlineData("special-meeting")]
    [InlineData("guardianship-consultation")]
    [InlineData("family-education-referral")]
    public void ShippedWorkflows_HaveNoWarnings(string workflow)
    {
        var session = DesignerTestData.Session(workflow);
        Assert.True(session.Warnings.Count == 0, string.Join("; ", session.Warnings));
    }

    [Fact]
    public void AnOpenOutcome_OnAParallelBranch_IsNotADeadEnd_ButBeforeTheForkItIs()
    {
        // "start" forks into two timers; a review on one branch may end it (the other carries on), as the follow-up does.
        var warnings = DesignerLint.Check(
            [A("start", "Elsa.Start"), A("check", "Bishan.UserTask"), A("wait-1"), A("wait-2"), A("review", "Bishan.UserTask"), A("last"), A("relapse")],
            [C("start", "check"), C("check", "wait-1", "Stable"), C("check", "wait-2", "Stable"), C("wait-1", "review"), C("wait-2", "last"),
             C("review", "relapse", "Relapse")],
            OutcomesOf, "start");

        Assert.Equal([new LintWarning("check", LintKind.DeadEnd, "Relapse")], warnings);
    }

    [Fact]
    public void ANodeAddedToTheCanvas_IsWarnedAbout_UntilItIsConnected()
    {
        var session = DesignerTestData.Session("case-intake");
        var id = session.Add("Elsa.WriteLine", 0, 600);
        Assert.Contains(new LintWarning(id, LintKind.NoInbound), session.Warnings);

        session.Connect("end-help", "Done", id);
        Assert.DoesNotContain(session.Warnings, w => w.ActivityId == id);
    }
}
