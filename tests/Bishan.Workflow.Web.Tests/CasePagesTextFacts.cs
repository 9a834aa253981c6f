using System.Globalization;
using System.Resources;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Web.Components.Cases;
using Bishan.Workflow.Web.Ui;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The case pages' keys built at run time exist in both languages; labels of kinds and outcomes read as words.</summary>
public sealed class CasePagesTextFacts : UiTestContext
{
    private static readonly ResourceManager Resources = new("Bishan.Workflow.Web.Resources.Ui.UiText", typeof(UiText).Assembly);

    /// <summary>The outcomes of the shipped workflows' user tasks (approvals take the domain's words).</summary>
    private static readonly string[] WorkflowOutcomes =
        ["Done", "Eligible", "NotEligible", "Resubmit", "Withdraw", "CriteriaMet", "CriteriaNotMet", "RecommendExit", "ContinueHelp", "Stable", "Relapse"];

    [Fact]
    public void TimelineKindsAndOutcomes_HaveTextInBothLanguages()
    {
        var keys = Enum.GetNames<TimelineKind>().Select(k => $"TimelineKind.{k}")
            .Concat([$"TaskKind.{WorkTaskKinds.Task}", $"TaskKind.{WorkTaskKinds.Decision}"]);

        foreach (var culture in new[] { CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN") })
            Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(Resources.GetString(key, culture)), $"{key} ({culture.Name})"));
        // Outcomes are the domain's words (the timeline records them too).
        Assert.All(WorkflowOutcomes.Concat(["True", "False", "Approved", "Rejected", "SentBack"]), outcome =>
            Assert.NotEqual(outcome, DomainLabels.ForOutcome(outcome, CultureInfo.GetCultureInfo("zh-CN"))));
    }

    [Fact]
    public void KindAndOutcomeLabels_ReadAsWords()
    {
        var t = Services.GetService<IStringLocalizer<UiText>>() ?? throw new InvalidOperationException();

        Assert.Equal("升级审批", CaseLabels.Kind(t, "Approval:Escalation"));
        Assert.Equal("任务", CaseLabels.Kind(t, "Task"));
        Assert.Equal("Custom", CaseLabels.Kind(t, "Custom"));
        Assert.Equal("符合，提交入库审批", CaseLabels.Outcome("Eligible"));
        Assert.Equal("退回补充", CaseLabels.Outcome("SentBack"));
        Assert.Equal("Whatever", CaseLabels.Outcome("Whatever"));
        Assert.True(CaseLabels.NeedsComment("Approval:Exit", "Rejected"));
        Assert.False(CaseLabels.NeedsComment("Approval:Exit", "Approved"));
        Assert.False(CaseLabels.NeedsComment("Task", "Rejected"));
    }
}
