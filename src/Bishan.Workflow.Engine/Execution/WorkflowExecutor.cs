using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Diagnostics;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// Runs definitions in memory: start, resume a bookmark, retry a fault, cancel. Pure: no storage, no
/// scheduler; callers persist the <see cref="ExecutionResult"/> (see the runtime in Infrastructure).
/// </summary>
public sealed class WorkflowExecutor(
    ActivityRegistry registry,
    ExpressionEvaluator expressions,
    TimeProvider time,
    IServiceProvider? services = null,
    ExecutorOptions? options = null,
    WorkflowMetrics? metrics = null)
{
    private readonly ExecutorOptions _options = options ?? new ExecutorOptions();
    private readonly IServiceProvider _services = services ?? EmptyServiceProvider.Instance;

    public Task<ExecutionResult> StartAsync(WorkflowDefinition definition, StartWorkflowRequest request, CancellationToken ct = default) =>
        ContinueAsync(definition, CreateState(definition, request), request.TriggerNodeId, request.TriggerInput, ct);

    /// <summary>
    /// The state of a new instance with only the root queued. A runtime can store it before running, so
    /// that an instance interrupted by a crash can be continued with <see cref="ContinueAsync"/>.
    /// </summary>
    public WorkflowState CreateState(WorkflowDefinition definition, StartWorkflowRequest request)
    {
        var state = new WorkflowState
        {
            InstanceId = request.InstanceId ?? TimeOrderedIds.New(time),
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            CorrelationId = request.CorrelationId,
            Input = request.Input?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()) ?? [],
        };
        foreach (var v in definition.AllVariables())
            state.Variables[v.Id] = ValueConverter.Convert(v.Value, v.TypeName);
        state.Queue.Add(new WorkItem(definition.Root.NodeId, null));
        return state;
    }

    /// <summary>Runs the queued work of <paramref name="state"/> (a new or an interrupted instance) until it is empty or the workflow blocks or ends.</summary>
    public async Task<ExecutionResult> ContinueAsync(WorkflowDefinition definition, WorkflowState state,
        string? triggerNodeId = null, JsonNode? triggerInput = null, CancellationToken ct = default)
    {
        var wasFaulted = state.SubStatus == WorkflowSubStatus.Faulted;
        var run = NewRun(definition, state, ct, triggerNodeId, triggerInput);
        await run.ContinueAsync();
        return Measured("continue", definition, wasFaulted, run.Result());
    }

    public async Task<ExecutionResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, string bookmarkId, JsonNode? input, CancellationToken ct = default)
    {
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
                       ?? throw new BookmarkNotFoundException(bookmarkId);
        var wasFaulted = state.SubStatus == WorkflowSubStatus.Faulted;
        var run = NewRun(definition, state, ct);
        await run.ResumeAsync(bookmark, input);
        return Measured("resume", definition, wasFaulted, run.Result());
    }

    public async Task<ExecutionResult> RetryAsync(WorkflowDefinition definition, WorkflowState state, CancellationToken ct = default)
    {
        if (state.SubStatus != WorkflowSubStatus.Faulted)
            throw new InvalidOperationException($"Only a faulted instance can be retried; this one is {state.SubStatus}.");
        var run = NewRun(definition, state, ct);
        await run.RetryAsync();
        return Measured("retry", definition, wasFaulted: false, run.Result());
    }

    public ExecutionResult Cancel(WorkflowDefinition definition, WorkflowState state)
    {
        var run = NewRun(definition, state, CancellationToken.None);
        run.Cancel();
        return run.Result();
    }

    private ExecutionResult Measured(string kind, WorkflowDefinition definition, bool wasFaulted, ExecutionResult result)
    {
        metrics?.RecordPass(kind, definition.DefinitionId, wasFaulted, result);
        return result;
    }

    private WorkflowRun NewRun(WorkflowDefinition definition, WorkflowState state, CancellationToken ct,
        string? triggerNodeId = null, JsonNode? triggerInput = null) =>
        new(definition, state, registry, expressions, time, _services, _options, ct)
        {
            TriggerNodeId = triggerNodeId,
            TriggerInput = triggerInput,
        };

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}

public sealed class BookmarkNotFoundException(string bookmarkId)
    : Exception($"Bookmark '{bookmarkId}' does not exist or was already resumed.")
{
    public string BookmarkId { get; } = bookmarkId;
}
