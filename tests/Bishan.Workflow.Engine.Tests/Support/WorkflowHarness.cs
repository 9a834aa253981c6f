using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Engine.Tests.Support;

/// <summary>
/// Runs one definition in memory the way the runtime does: start, then resume or retry on the state that
/// the previous pass returned. The console is the journal: entries with a message, in order.
/// </summary>
internal sealed class WorkflowHarness
{
    /// <summary>Monday 2 March 2026, 00:00 UTC (08:00 in Shanghai): a fixed instant that every test can reason about.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly ActivityRegistry Registry = ActivityRegistry.CreateDefault();

    public WorkflowHarness(string json, ExecutorOptions? options = null, ExpressionLimits? limits = null)
    {
        Definition = WorkflowJson.Parse(json);
        Executor = new WorkflowExecutor(Registry,
            new ExpressionEvaluator(new JavaScriptEvaluator(limits), new LiquidEvaluator(limits: limits)), Time, options: options);
    }

    public FakeTimeProvider Time { get; } = new(Epoch);
    public WorkflowDefinition Definition { get; }
    public WorkflowExecutor Executor { get; }
    public WorkflowState State { get; private set; } = new();
    public List<JournalEntry> Journal { get; } = [];
    public ExecutionResult? Last { get; private set; }

    public IReadOnlyList<string> Lines => [.. Journal.Where(j => j.Message is not null).Select(j => j.Message!)];
    public WorkflowSubStatus SubStatus => State.SubStatus;

    public static Task<WorkflowHarness> RunAsync(string json, StartWorkflowRequest? request = null) =>
        new WorkflowHarness(json).StartAsync(request);

    public async Task<WorkflowHarness> StartAsync(StartWorkflowRequest? request = null)
    {
        Record(await Executor.StartAsync(Definition, request ?? new StartWorkflowRequest()));
        return this;
    }

    public async Task<WorkflowHarness> ResumeAsync(Bookmark bookmark, JsonNode? input = null)
    {
        Record(await Executor.ResumeAsync(Definition, State, bookmark.Id, input));
        return this;
    }

    /// <summary>Resumes the only bookmark there is.</summary>
    public Task<WorkflowHarness> ResumeAsync(JsonNode? input = null) => ResumeAsync(Assert.Single(State.Bookmarks), input);

    public async Task<WorkflowHarness> RetryAsync()
    {
        Record(await Executor.RetryAsync(Definition, State));
        return this;
    }

    /// <summary>Elsa's test harness: keeps resuming stored bookmarks until none is left (bounded, so a bug cannot hang the test).</summary>
    public async Task<WorkflowHarness> ResumeAllAsync(JsonNode? input = null)
    {
        for (var i = 0; i < 100 && State.Bookmarks.Count > 0; i++)
            await ResumeAsync(State.Bookmarks[0], input);
        return this;
    }

    public JsonNode? Variable(string id) => State.Variables.GetValueOrDefault(id);

    private void Record(ExecutionResult result)
    {
        Last = result;
        State = result.State;
        Journal.AddRange(result.Journal);
    }
}
