using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// What a pass asks for once it is committed: start other workflows (<see cref="WorkflowStartRequested"/>) and, when a
/// case exits or closes, publish the <c>case-exited</c> event correlated by case id, which ends the help-record loop of
/// its case-intake instance. Done after the commit so that the instances' transactions stay apart.
/// </summary>
public static class CaseWorkflowFollowUps
{
    public const string CaseExitedEvent = "case-exited";

    /// <summary>The follow-up actions of a pass, in effect order.</summary>
    public static IReadOnlyList<Func<IWorkflowRuntime, CancellationToken, Task>> Of(IReadOnlyList<object> effects)
    {
        var actions = new List<Func<IWorkflowRuntime, CancellationToken, Task>>();
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case WorkflowStartRequested start:
                    actions.Add((runtime, ct) => runtime.StartAsync(start.DefinitionId,
                        start.Input.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()), start.CorrelationId ?? start.CaseId, ct));
                    break;
                case CaseExited exited:
                    actions.Add((runtime, ct) => runtime.TriggerEventAsync(CaseExitedEvent, exited.CaseId, null, new JsonObject { ["caseId"] = exited.CaseId }, ct));
                    break;
                case CaseClosed closed:
                    actions.Add((runtime, ct) => runtime.TriggerEventAsync(CaseExitedEvent, closed.CaseId, null, new JsonObject { ["caseId"] = closed.CaseId }, ct));
                    break;
            }
        }
        return actions;
    }
}
