using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;

namespace Bishan.Workflow.Cases.CaseFiles.RequestEscalation;

/// <summary>
/// Asks for a registered case to move to another tier (升级 up, 降级 down): starts <c>tiered-escalation</c>, whose
/// approval is the only way the tier changes: a raise by the target tier's coordinating body, a lowering by the body that
/// holds the case now (<see cref="Workflow.AssigneeResolver.ApprovingTier"/>). One request at a time per case; the
/// workflow writes the request's single timeline line.
/// </summary>
public sealed record RequestEscalation(string CaseId, string? TargetTier, string? Reason) : ICommand<WorkflowRequested>;

/// <summary>A request that started a workflow on a case.</summary>
public sealed record WorkflowRequested(string CaseId, string WorkflowInstanceId);

public sealed class RequestEscalationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, CaseWorkflows workflows, TimeProvider time)
    : ICommandHandler<RequestEscalation, WorkflowRequested>
{
    public const int MaxReasonLength = 2000;

    public async ValueTask<WorkflowRequested> Handle(RequestEscalation command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        Permissions.EnsureMayWrite(user);
        var errors = new InputErrors();
        var target = errors.Enum<Tier>("targetTier", command.TargetTier, required: true);
        var reason = errors.Text("reason", command.Reason, MaxReasonLength, required: true);
        if (target is not null && target == @case.Tier) errors.Add("targetTier", UseCaseStrings.Format("Escalation_SameTier"));
        errors.ThrowIfAny();
        CaseStates.EnsureRegistered(@case);
        await workflows.EnsurePublishedAsync(CaseWorkflows.TieredEscalation, cancellationToken);
        await workflows.EnsureNotRunningAsync(CaseWorkflows.TieredEscalation, @case.Id, cancellationToken);

        var direction = @case.Tier is { } current && target < current ? ApprovalSubject.Deescalation : ApprovalSubject.Escalation;
        AuditLog.Add(db, user, time, AuditActions.EscalationRequest, nameof(Case), @case.Id, $"{direction} to {target}");
        await db.SaveChangesAsync(cancellationToken);

        // The workflow writes the request's one timeline line (its first step), in the same pass that starts it.
        var instanceId = await workflows.StartForRequestAsync(db, user, time, CaseWorkflows.TieredEscalation, @case.Id, new Dictionary<string, JsonNode?>
        {
            ["caseId"] = @case.Id,
            ["targetTier"] = target!.Value.ToString(),
            ["direction"] = direction.ToString(),
            ["reason"] = reason,
        }, static () => { }, cancellationToken);
        return new WorkflowRequested(@case.Id, instanceId);
    }
}
