using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Starts the workflows that give freshly loaded demo data live work: case-intake for the referrals (screening tasks),
/// tiered-escalation for the picked cases (pending approvals), the way a referral and a caseworker's request do, and
/// subsidy-approval for the fresh subsidy requests, whose approver then sends them back (an amendment for the caseworker).
/// </summary>
public static class DemoWorkflows
{
    public static async Task<IReadOnlyList<InstanceSummary>> StartAsync(IWorkflowRuntime runtime, ICasesDbContext db, DemoLoadResult loaded,
        CancellationToken ct)
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
        foreach (var request in loaded.SubsidyRequests)
            started.Add(await SendBackAsync(runtime, db, request, ct));
        return started;
    }

    /// <summary>Runs the request through subsidy-approval as <c>RequestSubsidy</c> does, then sends it back as its approver would.</summary>
    private static async Task<InstanceSummary> SendBackAsync(IWorkflowRuntime runtime, ICasesDbContext db, DemoSubsidyRequest request, CancellationToken ct)
    {
        var instance = await runtime.StartAsync(CaseWorkflows.SubsidyApproval, new Dictionary<string, JsonNode?>
        {
            ["caseId"] = request.CaseId,
            ["subsidyId"] = request.SubsidyId.ToString(CultureInfo.InvariantCulture),
            ["amount"] = request.Amount,
            ["reason"] = request.Reason,
            ["budgetLine"] = request.BudgetLine,
        }, request.CaseId, ct);
        var subsidy = await db.Subsidies.FirstAsync(s => s.Id == request.SubsidyId, ct);
        subsidy.InstanceId = instance.Id;
        await db.SaveChangesAsync(ct);

        var approval = await db.WorkTasks.AsNoTracking()
            .FirstOrDefaultAsync(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open && t.BookmarkId != null, ct);
        if (approval is null) return instance;
        var approver = approval.AssigneeUserId
                       ?? (approval.CandidateGroup is { } group
                           && AssigneeResolver.MembersOf(group, await StaffDirectory.LoadAsync(db, ct)) is [var member, ..] ? member : null);
        var submission = new TaskSubmission(ApprovalActivity.SentBack, [], request.SentBackComment, approver);
        var resumed = await runtime.ResumeAsync(approval.BookmarkId!, submission.ToJson(), ct);
        return resumed.Instance ?? instance;
    }
}
