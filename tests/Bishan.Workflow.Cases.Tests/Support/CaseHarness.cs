using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Cases.Tests.Support;

/// <summary>
/// Runs one definition through the pure executor the way the host does: start, then resume task bookmarks
/// with submissions and timers when the fake clock reaches them. Every pass's effects are kept in order.
/// </summary>
internal sealed class CaseHarness
{
    /// <summary>Sunday 1 March 2026, 09:00 in Shanghai (01:00 UTC): when the weekly cron fires.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public static ActivityRegistry Registry { get; } =
        ActivityRegistry.CreateDefault().RegisterAssembly(typeof(UserTaskActivity).Assembly);

    public CaseHarness(WorkflowDefinition definition)
    {
        Definition = definition;
        Executor = new WorkflowExecutor(Registry, new ExpressionEvaluator(new JavaScriptEvaluator(), new LiquidEvaluator([DomainLabels.LiquidLabelFilter])), Time);
    }

    public FakeTimeProvider Time { get; } = new(Epoch);
    public WorkflowDefinition Definition { get; }
    public WorkflowExecutor Executor { get; }
    public WorkflowState State { get; private set; } = new();
    public List<object> Effects { get; } = [];
    public ExecutionResult? Last { get; private set; }

    public static WorkflowDefinition Load(string definitionId)
    {
        var result = WorkflowJsonReader.Parse(File.ReadAllText(RepoPaths.WorkflowFile(definitionId)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Definition!;
    }

    public static WorkflowDefinition Parse(string json)
    {
        var result = WorkflowJsonReader.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Definition!;
    }

    public static async Task<CaseHarness> StartAsync(string definitionId, string? caseId = "case-1",
        Dictionary<string, JsonNode?>? input = null, string? triggerActivityId = null)
    {
        var harness = new CaseHarness(Load(definitionId));
        await harness.StartAsync(new StartWorkflowRequest
        {
            CorrelationId = caseId,
            Input = input,
            TriggerNodeId = triggerActivityId is null ? null : harness.NodeIdOf(triggerActivityId),
        });
        return harness;
    }

    public async Task StartAsync(StartWorkflowRequest request) => Record(await Executor.StartAsync(Definition, request));

    public IEnumerable<Bookmark> Tasks => State.Bookmarks.Where(b => b.Name == UserTaskActivity.TaskBookmark);

    /// <summary>The open task of an activity, as the host would list it.</summary>
    public UserTaskPayload Task(string activityId) => UserTaskPayload.FromJson(TaskBookmark(activityId).Payload!);

    public Bookmark TaskBookmark(string activityId) => Assert.Single(Tasks, b => b.ActivityId == activityId);

    public string[] OpenTaskActivities => [.. Tasks.Select(b => b.ActivityId)];

    /// <summary>Completes a task: resumes its bookmark with a submission, like <c>POST /api/tasks/{id}/complete</c>.</summary>
    public async Task CompleteAsync(string activityId, string outcome, JsonObject? data = null, string? comment = null, string userId = "u-test")
    {
        var payload = Task(activityId);
        var submission = new TaskSubmission(outcome, data ?? [], comment, userId);
        Assert.Contains(outcome, payload.Outcomes);
        Assert.Empty(FormValidator.Validate(payload.Form, submission.Data));
        await ResumeAsync(TaskBookmark(activityId), submission.ToJson());
    }

    /// <summary>
    /// Completes a task whose criteria field needs the catalogue in the database (the host fills its criteria sets), so
    /// the form's check is the integration tests' (CriteriaGateFacts); here only the workflow's path is followed.
    /// </summary>
    public async Task CompleteWithCriteriaAsync(string activityId, string outcome, JsonObject data, string userId = "u-test")
    {
        var payload = Task(activityId);
        Assert.Contains(outcome, payload.Outcomes);
        await ResumeAsync(TaskBookmark(activityId), new TaskSubmission(outcome, data, null, userId).ToJson());
    }

    /// <summary>Moves the clock and fires the workflow timers (Delay) that are due, oldest first.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        var now = Time.GetUtcNow().UtcDateTime;
        while (State.Bookmarks.Where(b => b.Name == Delay.BookmarkName && b.ResumeAtUtc <= now).OrderBy(b => b.ResumeAtUtc).FirstOrDefault() is { } due)
            await ResumeAsync(due, null);
    }

    public Task PublishEventAsync(string eventName) =>
        ResumeAsync(Assert.Single(State.Bookmarks, b => b.Name == Event.BookmarkName && b.Key == eventName), null);

    public IEnumerable<Bookmark> Timers => State.Bookmarks.Where(b => b.Name == Delay.BookmarkName);

    public T Effect<T>() => Assert.Single(Effects.OfType<T>());

    public IEnumerable<T> EffectsOf<T>() => Effects.OfType<T>();

    public IEnumerable<object> LastEffects => Last?.Effects ?? [];

    public JsonNode? Variable(string name) => Definition.AllVariables().FirstOrDefault(v => v.Name == name) is { } v
        ? State.Variables.GetValueOrDefault(v.Id)
        : null;

    public string NodeIdOf(string activityId) =>
        Definition.AllActivities().Single(a => a.Id == activityId).NodeId;

    private async Task ResumeAsync(Bookmark bookmark, JsonNode? input) =>
        Record(await Executor.ResumeAsync(Definition, State, bookmark.Id, input));

    private void Record(ExecutionResult result)
    {
        Last = result;
        State = result.State;
        Effects.AddRange(result.Effects);
        Assert.True(result.NewIncidents.Count == 0, string.Join("; ", result.NewIncidents.Select(i => $"{i.ActivityId}: {i.Message}")));
    }
}
