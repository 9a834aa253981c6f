using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Validation;
using TimerActivity = Bishan.Workflow.Engine.Activities.Scheduling.Timer;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Finds the triggers of a version being published: Event, Cron, Timer and StartAt activities flagged
/// <c>canStartWorkflow</c>, and an Event that is the root flowchart's start activity (Elsa starts such a
/// workflow on that event even without the flag). Inputs are evaluated without an instance.
/// </summary>
internal sealed class TriggerExtractor(ExpressionEvaluator expressions, TimeProvider time)
{
    private static readonly HashSet<string> TriggerTypes = [Event.BookmarkName, Cron.BookmarkName, TimerActivity.BookmarkName, StartAt.BookmarkName];

    public (IReadOnlyList<DefinitionTrigger> Triggers, IReadOnlyList<ValidationError> Errors) Extract(WorkflowDefinition definition)
    {
        var candidates = definition.AllActivities().Where(a => a.CanStartWorkflow && TriggerTypes.Contains(a.Type)).ToList();
        if (definition.Root.Type == WorkflowJsonReader.FlowchartType
            && DefinitionIndex.For(definition).Graph(definition.Root).Start is { Type: Event.BookmarkName } start
            && !candidates.Contains(start))
            candidates.Insert(0, start);

        var triggers = new List<DefinitionTrigger>();
        var errors = new List<ValidationError>();
        var scope = new NoInstanceScope();
        foreach (var activity in candidates)
        {
            try
            {
                triggers.Add(Describe(definition, activity, scope));
            }
            catch (Exception ex) when (ex is ExpressionException or FormatException or InvalidOperationException)
            {
                errors.Add(new ValidationError(activity.Id, $"Trigger {activity.Type}: {ex.Message}"));
            }
        }
        return (triggers, errors);
    }

    private DefinitionTrigger Describe(WorkflowDefinition definition, ActivityNode activity, NoInstanceScope scope)
    {
        JsonNode? Input(string name) => activity.GetInput(name) is { } input ? expressions.Evaluate(input, scope) : null;
        ScheduledTrigger Scheduled(TriggerKind kind, string? cron = null, TimeSpan? interval = null, DateTime? at = null) =>
            new(definition.DefinitionId, definition.Version, activity.NodeId, kind, cron, interval, at);

        switch (activity.Type)
        {
            case Event.BookmarkName:
                var eventName = ValueConverter.ToText(Input("eventName"));
                if (string.IsNullOrWhiteSpace(eventName)) throw new InvalidOperationException("the event name is empty.");
                return new DefinitionTrigger(activity, activity.Type, eventName, null);
            case Cron.BookmarkName:
                var cron = ValueConverter.ToText(Input("cronExpression"))?.Trim();
                if (!CronSchedule.TryParse(cron, out _, out var error)) throw new FormatException(error);
                return new DefinitionTrigger(activity, activity.Type, cron, Scheduled(TriggerKind.Cron, cron: cron));
            case StartAt.BookmarkName:
                var at = StartAt.Parse(ValueConverter.ToText(Input("dateTime")));
                return new DefinitionTrigger(activity, activity.Type, at.ToString("O", CultureInfo.InvariantCulture), Scheduled(TriggerKind.StartAt, at: at));
            default:
                var interval = ValueConverter.ToTimeSpan(Input("interval"));
                if (interval is not { } i || i <= TimeSpan.Zero) throw new InvalidOperationException("the interval must be a positive duration.");
                return new DefinitionTrigger(activity, activity.Type, i.ToString("c", CultureInfo.InvariantCulture),
                    Scheduled(TriggerKind.Timer, interval: i, at: time.GetUtcNow().UtcDateTime + i));
        }
    }

    /// <summary>Trigger inputs are evaluated at publish time, before any instance exists.</summary>
    private sealed class NoInstanceScope : IExpressionScope
    {
        public string InstanceId => "";
        public string? CorrelationId => null;
        public IEnumerable<string> VariableNames => [];
        public JsonNode? GetVariable(string name) => null;
        public void SetVariable(string name, JsonNode? value) => throw new InvalidOperationException("A trigger input cannot set variables.");
        public IReadOnlyDictionary<string, JsonNode?> WorkflowInput { get; } = new Dictionary<string, JsonNode?>();
    }
}
