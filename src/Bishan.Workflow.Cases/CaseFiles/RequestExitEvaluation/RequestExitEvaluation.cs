using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.CaseFiles.RequestEscalation;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.CaseFiles.RequestExitEvaluation;

/// <summary>Asks for a registered case's exit evaluation (出库评估): starts <c>exit-evaluation</c>; the exit itself needs its approval.</summary>
public sealed record RequestExitEvaluation(string CaseId, string? Reason) : ICommand<WorkflowRequested>;

public sealed class RequestExitEvaluationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, CaseWorkflows workflows, TimeProvider time)
    : ICommandHandler<RequestExitEvaluation, WorkflowRequested>
{
    public const int MaxReasonLength = 2000;

    public async ValueTask<WorkflowRequested> Handle(RequestExitEvaluation command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        Permissions.EnsureMayWrite(user);
        var errors = new InputErrors();
        var reason = errors.Text("reason", command.Reason, MaxReasonLength);
        errors.ThrowIfAny();
        CaseStates.EnsureRegistered(@case);
        await workflows.EnsurePublishedAsync(CaseWorkflows.ExitEvaluation, cancellationToken);
        await workflows.EnsureNotRunningAsync(CaseWorkflows.ExitEvaluation, @case.Id, cancellationToken);

        var line = db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = time.GetUtcNow().UtcDateTime, Kind = TimelineKind.Evaluation, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_ExitEvaluationRequested", reason ?? "-"),
        }).Entity;
        AuditLog.Add(db, user, time, AuditActions.ExitEvaluationRequest, nameof(Case), @case.Id);
        await db.SaveChangesAsync(cancellationToken);

        var instanceId = await workflows.StartForRequestAsync(db, user, time, CaseWorkflows.ExitEvaluation, @case.Id,
            new Dictionary<string, JsonNode?> { ["caseId"] = @case.Id, ["reason"] = reason }, () => db.TimelineEntries.Remove(line), cancellationToken);
        return new WorkflowRequested(@case.Id, instanceId);
    }
}
