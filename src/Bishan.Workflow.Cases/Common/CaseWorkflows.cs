using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Cases.Common;

/// <summary>
/// Starts the shipped case workflows (correlation id = case id) after checking they can start, and turns a pass the domain
/// refused into a 409 for the caller.
/// </summary>
/// <remarks>
/// A refused pass does not throw out of the runtime: the runtime writes nothing of the pass, stores the instance as it was
/// before, faulted, with an incident carrying the gate's message (for administrators, who can retry it), and returns
/// normally. A user who started or resumed that pass must hear "no, and why" rather than a success.
/// </remarks>
public sealed class CaseWorkflows(IWorkflowDefinitionService definitions, IWorkflowRuntime runtime, IWorkflowInstanceQueries instances,
    ICasesDbContext db)
{
    public const string CaseIntake = "case-intake";
    public const string TieredEscalation = "tiered-escalation";
    public const string ExitEvaluation = "exit-evaluation";
    public const string SubsidyApproval = "subsidy-approval";
    public const string GuardianshipConsultation = "guardianship-consultation";

    /// <exception cref="ConflictException">The workflow has no published version.</exception>
    public async Task EnsurePublishedAsync(string definitionId, CancellationToken ct)
    {
        if (await definitions.GetPublishedInfoAsync(definitionId, ct) is null)
            throw new ConflictException(UseCaseStrings.Format("Workflow_NotPublished", definitionId));
    }

    /// <summary>
    /// Checks that no instance of the workflow runs for the case, under the case's row lock (held until the use case
    /// commits), so two requests on two nodes cannot both start one: the second waits, then sees the first.
    /// </summary>
    /// <exception cref="ConflictException">An instance of the workflow is already running for the case.</exception>
    public async Task EnsureNotRunningAsync(string definitionId, string caseId, CancellationToken ct)
    {
        await db.LockRowAsync<Model.Case>(caseId, ct);
        var running = await instances.ListAsync(new InstanceQuery(definitionId, WorkflowStatus.Running, CorrelationId: caseId, Take: 1), ct);
        if (running.Count > 0) throw new ConflictException(UseCaseStrings.Format("Workflow_AlreadyRunning", definitionId));
    }

    /// <exception cref="ConflictException">The domain refused the first pass (<see cref="EnsureNotRefusedAsync"/>).</exception>
    public async Task<string> StartAsync(string definitionId, string caseId, IReadOnlyDictionary<string, JsonNode?> input, CancellationToken ct)
    {
        var instance = await runtime.StartAsync(definitionId, input, correlationId: caseId, ct);
        await EnsureNotRefusedAsync(instance, ct);
        return instance.Id;
    }

    /// <summary>
    /// Starts the workflow a user's request asked for, after the request's own rows were saved. When the domain refuses the
    /// first pass, the refusal is audited and 409 is thrown: the use case's unit of work rolls everything back (keeping
    /// only that audit entry). <paramref name="takeBack"/> also removes the request's rows for a caller that runs without
    /// a unit of work.
    /// </summary>
    /// <exception cref="ConflictException">The domain refused the first pass.</exception>
    public async Task<string> StartForRequestAsync(ICasesDbContext db, ICurrentUser user, TimeProvider time, string definitionId, string caseId,
        IReadOnlyDictionary<string, JsonNode?> input, Action takeBack, CancellationToken ct)
    {
        try
        {
            return await StartAsync(definitionId, caseId, input, ct);
        }
        catch (ConflictException refused)
        {
            takeBack();
            AuditLog.Add(db, user, time, AuditActions.WorkflowRefused, nameof(Case), caseId, $"{definitionId}: {refused.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Whether the pass that produced <paramref name="instance"/> was refused; if so, 409 with the incident's message.</summary>
    /// <exception cref="ConflictException">The instance is faulted: the detail names the incident, the body carries it.</exception>
    public async Task EnsureNotRefusedAsync(InstanceSummary? instance, CancellationToken ct)
    {
        if (instance is not { SubStatus: WorkflowSubStatus.Faulted }) return;
        var details = await instances.GetAsync(instance.Id, ct);
        var incident = details?.Incidents.OrderBy(i => i.TimestampUtc).LastOrDefault();
        var reason = incident?.Code is { } code ? UseCaseStrings.Find("Refusal_" + code) : null;
        throw new ConflictException(UseCaseStrings.Format("Workflow_Refused", reason ?? incident?.Message ?? instance.Id),
            new Dictionary<string, object?>
            {
                ["workflowInstanceId"] = instance.Id,
                ["incident"] = incident is null ? null : new RefusalIncident(incident.Code, incident.Message, incident.ActivityId),
            });
    }
}

/// <summary>The incident of a refused pass, as the 409 body carries it.</summary>
public sealed record RefusalIncident(string? Code, string Message, string? ActivityId);
