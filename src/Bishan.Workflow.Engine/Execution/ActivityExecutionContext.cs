using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// What an activity sees while it runs: its inputs (evaluated), variables, outputs, bookmarks,
/// completion, and for composites the scheduling of children.
/// </summary>
public sealed class ActivityExecutionContext : IExpressionScope
{
    private readonly WorkflowRun _run;
    private List<string>? _outcomes;

    internal ActivityExecutionContext(WorkflowRun run, ActivityContextState state, ActivityNode node)
    {
        _run = run;
        State = state;
        Node = node;
    }

    public ActivityNode Node { get; }
    public ActivityContextState State { get; }
    public WorkflowDefinition Definition => _run.Definition;
    public DefinitionIndex Index => _run.Index;
    public string InstanceId => _run.State.InstanceId;
    public string? CorrelationId => _run.State.CorrelationId;
    public TimeProvider Time => _run.Time;
    public IServiceProvider Services => _run.Services;
    public CancellationToken CancellationToken => _run.CancellationToken;

    /// <summary>True when this activity is the trigger that started the instance: it completes at once.</summary>
    public bool IsTriggerOfThisRun => _run.TriggerNodeId == Node.NodeId && _run.TriggerPending;

    /// <summary>Input given with the start (for the trigger) or with the resume.</summary>
    public JsonNode? ResumeInput { get; internal set; }
    public Bookmark? ResumedBookmark { get; internal set; }

    /// <summary>The node id of the trigger activity while the start that it triggered is still pending.</summary>
    public string? PendingTriggerNodeId => _run.TriggerPending ? _run.TriggerNodeId : null;

    /// <summary>State of the composite this activity runs in (a flowchart's counters and tokens live there).</summary>
    public ActivityContextState? ParentState => State.ParentId is null ? null : _run.FindContext(State.ParentId);

    public ExpressionEvaluator Expressions => _run.Expressions;

    public bool IsTerminal(ActivityNode node) => _run.Registry.Resolve(node.Type) is Activities.ITerminalActivity;
    public bool IsJoin(ActivityNode node) => _run.Registry.Resolve(node.Type) is Activities.IJoinActivity;

    public bool IsCompleted => _outcomes is not null;
    public IReadOnlyList<string> Outcomes => _outcomes ?? [];
    internal string? JournalMessage { get; private set; }
    internal bool CreatedBookmark { get; private set; }

    // ---- inputs -----------------------------------------------------------------------------

    public JsonNode? Evaluate(string inputName)
    {
        var input = Node.GetInput(inputName);
        return input is null ? null : _run.Expressions.Evaluate(input, this);
    }

    public string? EvaluateString(string inputName) => ValueConverter.ToText(Evaluate(inputName));
    public bool EvaluateBool(string inputName) => ValueConverter.ToBool(Evaluate(inputName));
    public TimeSpan? EvaluateTimeSpan(string inputName) => ValueConverter.ToTimeSpan(Evaluate(inputName));

    /// <summary>Outputs are written to the variable or workflow output their memory reference names.</summary>
    public void SetOutput(string outputName, JsonNode? value)
    {
        var target = Node.GetOutputTarget(outputName);
        if (target is null) return;
        if (Index.VariablesById.TryGetValue(target, out var variable))
            _run.State.Variables[variable.Id] = ValueConverter.Convert(value, variable.TypeName);
        else
            _run.State.Output[target] = value?.DeepClone();
    }

    public void SetWorkflowOutput(string name, JsonNode? value) => _run.State.Output[name] = value?.DeepClone();

    // ---- variables (IExpressionScope) -------------------------------------------------------

    public IEnumerable<string> VariableNames => Index.VariablesByName.Keys;
    public IReadOnlyDictionary<string, JsonNode?> WorkflowInput => _run.State.Input;

    public JsonNode? GetVariable(string name) =>
        Index.FindVariable(name) is { } v ? _run.State.Variables.GetValueOrDefault(v.Id) : null;

    public void SetVariable(string name, JsonNode? value)
    {
        var v = Index.FindVariable(name)
                ?? throw new InvalidOperationException($"The workflow has no variable '{name}'.");
        _run.State.Variables[v.Id] = ValueConverter.Convert(value, v.TypeName);
    }

    /// <summary>Set by RunJavaScript so that scripts can choose outcomes.</summary>
    public Action<IReadOnlyList<string>>? SetOutcomes { get; set; }

    // ---- completion, journal, bookmarks ---------------------------------------------------------

    public void Complete(params string[] outcomes) => _outcomes = outcomes.Length == 0 ? ["Done"] : [.. outcomes];
    public void CompleteWith(IEnumerable<string> outcomes) => _outcomes = [.. outcomes];

    /// <summary>Text for this execution's journal entry (WriteLine's console line).</summary>
    public void WriteJournalMessage(string? message) => JournalMessage = message;

    public Bookmark CreateBookmark(string name, string? key = null, DateTime? resumeAtUtc = null, JsonObject? payload = null, string? correlationId = null)
    {
        var bookmark = new Bookmark
        {
            Id = _run.NewBookmarkId(),
            ContextId = State.Id,
            NodeId = Node.NodeId,
            ActivityId = Node.Id,
            ActivityType = Node.Type,
            Name = name,
            Key = key,
            CorrelationId = correlationId ?? CorrelationId,
            ResumeAtUtc = resumeAtUtc,
            Payload = payload,
            CreatedAtUtc = Time.GetUtcNow().UtcDateTime,
        };
        _run.AddBookmark(bookmark);
        CreatedBookmark = true;
        return bookmark;
    }

    /// <summary>Drops this activity's own open bookmarks of a name (e.g. a timer that a new step replaces).</summary>
    public void RemoveBookmarks(string name) => _run.RemoveBookmarks(State.Id, name);

    /// <summary>
    /// Asks the host to apply a side effect when this pass is committed (same transaction). Effects of a
    /// pass that faults are still applied up to the fault, like the rest of the pass's state.
    /// </summary>
    public void Emit(object effect) => _run.Effects.Add(effect);

    /// <summary>Ends the whole workflow: scheduler emptied, bookmarks removed (Elsa.Finish).</summary>
    public void FinishWorkflow() => _run.FinishWorkflowRequested = true;

    // ---- composites ---------------------------------------------------------------------------

    public void ScheduleChild(ActivityNode child, bool backward = false, string? existingContextId = null) =>
        _run.Schedule(new WorkItem(child.NodeId, State.Id, existingContextId, backward));

    public IEnumerable<ActivityContextState> ActiveChildren => _run.ActiveChildren(State.Id);

    public bool IsScheduled(ActivityNode child) =>
        _run.State.Queue.Any(w => w.ParentContextId == State.Id && w.NodeId == child.NodeId);

    /// <summary>Children still running or scheduled under this activity.</summary>
    public bool HasPendingChildren() =>
        _run.ActiveChildren(State.Id).Any() || _run.State.Queue.Any(w => w.ParentContextId == State.Id);

    /// <summary>Cancels running and scheduled children whose activity id is in <paramref name="activityIds"/>.</summary>
    public void CancelChildren(IReadOnlySet<string> activityIds) => _run.CancelChildren(State.Id, n => activityIds.Contains(n.Id));

    public void CancelAllChildren() => _run.CancelChildren(State.Id, _ => true);

    /// <summary>Cancels running siblings (children of the same composite) whose activity id is in the set.</summary>
    public void CancelRunningSiblings(IReadOnlySet<string> activityIds)
    {
        if (State.ParentId is not null)
            _run.CancelChildren(State.ParentId, n => activityIds.Contains(n.Id) && n.NodeId != Node.NodeId, includeScheduled: false);
    }

    /// <summary>Cancels running children of this composite whose activity id is in the set; scheduled ones still run.</summary>
    public void CancelRunningChildren(IReadOnlySet<string> activityIds) =>
        _run.CancelChildren(State.Id, n => activityIds.Contains(n.Id), includeScheduled: false);
}
