using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Starts the workflows that give freshly loaded demo data live work: case-intake for the referrals (screening tasks)
/// and tiered-escalation for the picked cases (pending approvals), the way a referral and a caseworker's request do.
/// </summary>
public static class DemoWorkflows
{
    public static async Task<IReadOnlyList<InstanceSummary>> StartAsync(IWorkflowRuntime runtime, DemoLoadResult loaded, CancellationToken ct)
    {
        var started = new List<InstanceSummary>();
        foreach (var caseId in loaded.ReferralCaseIds)
            started.Add(await runtime.StartAsync("case-intake", new Dictionary<string, JsonNode?> { ["caseId"] = caseId }, caseId, ct));
        foreach (var escalation in loaded.Escalations)
            started.Add(await runtime.StartAsync("tiered-escalation", new Dictionary<string, JsonNode?>
            {
                ["caseId"] = escalation.CaseId,
                ["targetTier"] = escalation.TargetTier.ToString(),
                ["direction"] = "Escalation",
                ["reason"] = escalation.Reason,
            }, escalation.CaseId, ct));
        return started;
    }
}
