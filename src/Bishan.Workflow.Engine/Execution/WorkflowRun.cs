using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// One pass of the scheduler over an instance: runs work items first-in first-out until the queue is
/// empty, the workflow ends, or an activity faults. Mutates <see cref="State"/> and records what changed.
/// </summary>
internal sealed class WorkflowRun
{
    private readonly ActivityRegistry _registry;
    public ActivityRegistry Registry => _registry;
    private readonly ExecutorOptions _options;
    private readonly Dictionary<string, ActivityContextState> _contexts;
    private int _executionsSinceBookmark;

    public WorkflowRun(WorkflowDefinition definition, WorkflowState state, ActivityRegistry registry,
        ExpressionEvaluator expressions, TimeProvider time, IServiceProvider services, ExecutorOptions options,
        CancellationToken cancellationToken)
    {
        Definition = definition;
        Index = DefinitionIndex.For(definition);
        State = state;
        _registry = registry;
        Expressions = expressions;
        Time = time;
        Services = services;
        _options = options;
        CancellationToken = cancellationToken;
        _contexts = state.Contexts.ToDictionary(c => c.Id);
    }

    public WorkflowDefinition Definition { get; }
    public DefinitionIndex Index { get; }
    public WorkflowState State { get; }
    public ExpressionEvaluator Expressions { get; }
    public TimeProvider Time { get; }
    public IServiceProvider Services { get; }
    public CancellationToken CancellationToken { get; }
    public string? TriggerNodeId { get; init; }
    public JsonNode? TriggerInput { get; init; }
    public bool TriggerPending { get; set; }
    public bool FinishWorkflowRequested { get; set; }

    public List<JournalEntry> Journal { get; } = [];
    public List<Bookmark> AddedBookmarks { get; } = [];
    public List<string> RemovedBookmarkIds { get; } = [];
    public List<Incident> NewIncidents { get; } = [];

    public List<object> Effects { get; } = [];

    public ExecutionResult Result() => new(State, Journal, AddedBookmarks, RemovedBookmarkIds, NewIncidents) { Effects = Effects };

    // ---- entry points ----------------------------------------------------------------------------

    /// <summary>Runs the queue as it is; a new instance's state holds only the root (see <see cref="WorkflowExecutor.CreateState"/>).</summary>
    public async Task ContinueAsync()
    {
        TriggerPending = TriggerNodeId is not null;
        await RunQueueAsync();
    }

    public async Task ResumeAsync(Bookmark bookmark, JsonNode? input)
    {
        RemoveBookmark(bookmark.Id);
        if (!_contexts.TryGetValue(bookmark.ContextId, out var ctxState) || !Index.ByNodeId.TryGetValue(bookmark.NodeId, out var node))
        {
            await RunQueueAsync();
            return;
        }
        var activity = _registry.Resolve(node.Type);
        var context = new ActivityExecutionContext(this, ctxState, node) { ResumeInput = input, ResumedBookmark = bookmark };
        State.SubStatus = WorkflowSubStatus.Executing;
        AddJournal(node, JournalEvents.Resumed, null);
        if (activity is null)
        {
            Fault(ctxState, node, new InvalidOperationException($"Unknown activity type '{node.Type}'."), null);
            return;
        }
        _executionsSinceBookmark = 0;
        if (await TryAsync(ctxState, node, () => activity.ResumeAsync(context), RetryItem(ctxState)))
            await AfterExecuteAsync(context);
        await RunQueueAsync();
    }

    public async Task RetryAsync()
    {
        if (State.FaultedWorkItem is { } item) State.Queue.Insert(0, item);
        State.FaultedWorkItem = null;
        await RunQueueAsync();
    }

    public void Cancel()
    {
        foreach (var b in State.Bookmarks.ToList()) RemoveBookmark(b.Id);
        foreach (var c in _contexts.Values.ToList())
            if (Index.ByNodeId.TryGetValue(c.NodeId, out var node))
                AddJournal(node, JournalEvents.Cancelled, null);
        _contexts.Clear();
        State.Queue.Clear();
        State.SubStatus = WorkflowSubStatus.Cancelled;
        Sync();
    }

    // ---- scheduler ---------------------------------------------------------------------------------

    public void Schedule(WorkItem item) => State.Queue.Add(item);

    private async Task RunQueueAsync()
    {
        if (State.SubStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled) return;
        State.SubStatus = WorkflowSubStatus.Executing;
        while (State.Queue.Count > 0 && State.SubStatus == WorkflowSubStatus.Executing)
        {
            CancellationToken.ThrowIfCancellationRequested();
            var item = State.Queue[0];
            State.Queue.RemoveAt(0);
            await ExecuteAsync(item);
        }
        if (State.SubStatus == WorkflowSubStatus.Executing)
            State.SubStatus = WorkflowSubStatus.Suspended;
        Sync();
    }

    private async Task ExecuteAsync(WorkItem item)
    {
        if (item.ParentContextId is not null && !_contexts.ContainsKey(item.ParentContextId)) return;
        if (!Index.ByNodeId.TryGetValue(item.NodeId, out var node)) return;

        ActivityContextState ctxState;
        if (item.ExistingContextId is not null)
        {
            if (!_contexts.TryGetValue(item.ExistingContextId, out var existing)) return;
            ctxState = existing;
        }
        else
        {
            ctxState = new ActivityContextState
            {
                Id = (++State.ContextSequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
                NodeId = node.NodeId,
                ParentId = item.ParentContextId,
                Status = ActivityStatus.Running,
                Backward = item.Backward,
            };
            _contexts[ctxState.Id] = ctxState;
        }

        if (++_executionsSinceBookmark > _options.MaxExecutionsWithoutBookmark)
        {
            Fault(ctxState, node, new InvalidOperationException(
                $"More than {_options.MaxExecutionsWithoutBookmark:N0} activity executions without reaching a bookmark: the workflow probably loops without waiting."), item);
            return;
        }

        var activity = _registry.Resolve(node.Type);
        AddJournal(node, JournalEvents.Started, null);
        if (activity is null)
        {
            Fault(ctxState, node, new InvalidOperationException($"Unknown activity type '{node.Type}'."), item);
            return;
        }

        var context = new ActivityExecutionContext(this, ctxState, node);
        if (TriggerPending && TriggerNodeId == node.NodeId) context.ResumeInput = TriggerInput;
        if (await TryAsync(ctxState, node, () => activity.ExecuteAsync(context), item))
            await AfterExecuteAsync(context);
        if (TriggerNodeId == node.NodeId) TriggerPending = false;
    }

    private async Task AfterExecuteAsync(ActivityExecutionContext context)
    {
        if (FinishWorkflowRequested)
        {
            AddJournal(context.Node, JournalEvents.Completed, context.JournalMessage);
            FinishWorkflow();
            return;
        }
        if (context.IsCompleted)
        {
            await CompleteAsync(context);
            return;
        }
        if (context.CreatedBookmark)
        {
            _executionsSinceBookmark = 0;
            AddJournal(context.Node, JournalEvents.Suspended, null);
        }
    }

    private async Task CompleteAsync(ActivityExecutionContext context)
    {
        var state = context.State;
        AddJournal(context.Node, JournalEvents.Completed, context.JournalMessage);
        CancelChildren(state.Id, _ => true, journal: true);
        foreach (var b in State.Bookmarks.Where(b => b.ContextId == state.Id).ToList()) RemoveBookmark(b.Id);
        state.Status = ActivityStatus.Completed;
        _contexts.Remove(state.Id);

        if (state.ParentId is null)
        {
            if (context.Node.Type == "Elsa.Complete" || context.Outcomes.Any(o => o != "Done"))
                State.Outcomes = [.. context.Outcomes];
            FinishWorkflow();
            return;
        }
        if (!_contexts.TryGetValue(state.ParentId, out var parentState) || !Index.ByNodeId.TryGetValue(parentState.NodeId, out var parentNode))
            return;
        if (_registry.Resolve(parentNode.Type) is not CompositeActivity composite) return;

        var parent = new ActivityExecutionContext(this, parentState, parentNode);
        var child = new ChildCompletion(state, context.Node, context.Outcomes);
        if (context.Node.Type == "Elsa.Complete") State.Outcomes = [.. context.Outcomes];
        if (await TryAsync(parentState, parentNode, () => composite.OnChildCompletedAsync(parent, child), null))
        {
            if (FinishWorkflowRequested) FinishWorkflow();
            else if (parent.IsCompleted) await CompleteAsync(parent);
        }
    }

    private void FinishWorkflow()
    {
        foreach (var b in State.Bookmarks.ToList()) RemoveBookmark(b.Id);
        _contexts.Clear();
        State.Queue.Clear();
        State.SubStatus = WorkflowSubStatus.Finished;
    }

    // ---- children and cancellation -----------------------------------------------------------------

    public IEnumerable<ActivityContextState> ActiveChildren(string parentId) =>
        _contexts.Values.Where(c => c.ParentId == parentId && c.Status == ActivityStatus.Running);

    public ActivityContextState? FindContext(string id) => _contexts.GetValueOrDefault(id);

    public void CancelChildren(string parentId, Func<ActivityNode, bool> which, bool includeScheduled = true) =>
        CancelChildren(parentId, which, journal: true, includeScheduled);

    private void CancelChildren(string parentId, Func<ActivityNode, bool> which, bool journal, bool includeScheduled = true)
    {
        if (includeScheduled)
            State.Queue.RemoveAll(w => w.ParentContextId == parentId && Index.ByNodeId.TryGetValue(w.NodeId, out var n) && which(n));
        foreach (var child in _contexts.Values.Where(c => c.ParentId == parentId).ToList())
        {
            if (!Index.ByNodeId.TryGetValue(child.NodeId, out var node) || !which(node)) continue;
            CancelChildren(child.Id, _ => true, journal);
            foreach (var b in State.Bookmarks.Where(b => b.ContextId == child.Id).ToList()) RemoveBookmark(b.Id);
            child.Status = ActivityStatus.Cancelled;
            _contexts.Remove(child.Id);
            if (journal) AddJournal(node, JournalEvents.Cancelled, null);
        }
    }

    // ---- faults --------------------------------------------------------------------------------------

    private async Task<bool> TryAsync(ActivityContextState ctxState, ActivityNode node, Func<ValueTask> action, WorkItem? retryItem)
    {
        try
        {
            await action();
            return true;
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Fault(ctxState, node, ex, retryItem);
            return false;
        }
    }

    private static WorkItem RetryItem(ActivityContextState s) => new(s.NodeId, s.ParentId, null, s.Backward);

    private void Fault(ActivityContextState ctxState, ActivityNode node, Exception ex, WorkItem? retryItem)
    {
        var code = ex switch
        {
            FaultException fe => fe.Code,
            ExpressionException ee => ee.Code,
            _ => null,
        };
        var incident = new Incident(Guid.NewGuid().ToString("N"), node.Id, node.NodeId, node.Type, ex.Message, code, Time.GetUtcNow().UtcDateTime);
        State.Incidents.Add(incident);
        NewIncidents.Add(incident);
        AddJournal(node, JournalEvents.Faulted, null, ex.Message);
        foreach (var b in State.Bookmarks.Where(b => b.ContextId == ctxState.Id).ToList()) RemoveBookmark(b.Id);
        CancelChildren(ctxState.Id, _ => true, journal: false);
        _contexts.Remove(ctxState.Id);
        State.FaultedWorkItem = retryItem is null ? null : retryItem with { ExistingContextId = null };
        State.SubStatus = WorkflowSubStatus.Faulted;
    }

    // ---- bookmarks and journal -------------------------------------------------------------------------

    public string NewBookmarkId() => TimeOrderedIds.New(Time);

    public void AddBookmark(Bookmark bookmark)
    {
        State.Bookmarks.Add(bookmark);
        AddedBookmarks.Add(bookmark);
    }

    /// <summary>Drops the still-open bookmarks of one activity execution that have this name.</summary>
    public void RemoveBookmarks(string contextId, string name)
    {
        foreach (var b in State.Bookmarks.Where(b => b.ContextId == contextId && b.Name == name).ToList()) RemoveBookmark(b.Id);
    }

    private void RemoveBookmark(string id)
    {
        if (State.Bookmarks.RemoveAll(b => b.Id == id) == 0) return;
        if (AddedBookmarks.RemoveAll(b => b.Id == id) == 0) RemovedBookmarkIds.Add(id);
    }

    private void AddJournal(ActivityNode node, string eventName, string? message, string? fault = null) =>
        Journal.Add(new JournalEntry(++State.JournalSequence, node.Id, node.NodeId, node.Type, node.Name, eventName,
            message, fault, Time.GetUtcNow().UtcDateTime));

    private void Sync() => State.Contexts = [.. _contexts.Values.OrderBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal)];
}
