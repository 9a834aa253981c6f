using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Activities;

/// <summary>
/// Asks the host to start another published workflow after this pass commits (exit-evaluation starts
/// post-exit-follow-up); emits <see cref="WorkflowStartRequested"/> and completes without waiting for it.
/// The case id goes along as input <c>caseId</c> and, unless given, as the correlation id.
/// </summary>
[Activity(Type, CaseActivities.WorkflowsCategory)]
[Input("definitionId", "String", Required = true)]
[Input("input", "Object", UiHint = UiHints.Json)]
[Input("correlationId", "String", DefaultSyntax = "Liquid")]
public sealed class StartWorkflowActivity : Activity
{
    public const string Type = "Bishan.StartWorkflow";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseActivities.CaseId(context);
        var input = context.Evaluate("input") switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            null => [],
            var other => throw new InvalidOperationException($"'{Type}': the input must be a JSON object, not {other.ToJsonString()}."),
        };
        if (caseId is not null && !input.ContainsKey("caseId")) input["caseId"] = caseId;
        context.Emit(new WorkflowStartRequested(caseId, context.InstanceId,
            CaseActivities.RequireText(context, "definitionId"), input,
            CaseActivities.Text(context, "correlationId") ?? caseId, CaseActivities.Now(context)));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
