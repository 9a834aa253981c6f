using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// What a pass asks for once it is committed: start other workflows (<see cref="WorkflowStartRequested"/>) and, when a
/// case exits or closes, publish the <c>case-exited</c> event correlated by case id, which ends the help-record loop of
/// its case-intake instance. The host writes them to its outbox in the pass's transaction and carries them out after
/// the commit, so that the instances' transactions stay apart and none is lost or done twice.
/// </summary>
public static class CaseWorkflowFollowUps
{
    public const string CaseExitedEvent = "case-exited";

    /// <summary>Start the published version of <paramref name="DefinitionId"/>.</summary>
    public sealed record Start(string DefinitionId, JsonObject Input, string? CorrelationId);

    /// <summary>Publish <paramref name="EventName"/> correlated by <paramref name="CorrelationId"/>.</summary>
    public sealed record Publish(string EventName, string CorrelationId, JsonObject Input);

    /// <summary>The follow-ups of a pass, in effect order (each a <see cref="Start"/> or a <see cref="Publish"/>).</summary>
    public static IReadOnlyList<object> Of(IReadOnlyList<object> effects)
    {
        var followUps = new List<object>();
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case WorkflowStartRequested start:
                    followUps.Add(new Start(start.DefinitionId, (JsonObject)start.Input.DeepClone(), start.CorrelationId ?? start.CaseId));
                    break;
                case CaseExited exited:
                    followUps.Add(new Publish(CaseExitedEvent, exited.CaseId, new JsonObject { ["caseId"] = exited.CaseId }));
                    break;
                case CaseClosed closed:
                    followUps.Add(new Publish(CaseExitedEvent, closed.CaseId, new JsonObject { ["caseId"] = closed.CaseId }));
                    break;
            }
        }
        return followUps;
    }
}
