using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Engine.Runtime;

/// <summary>A stored version of a definition.</summary>
public sealed record DefinitionVersionInfo(
    string DefinitionId,
    int Version,
    string Name,
    bool IsPublished,
    bool IsLatest,
    DateTime CreatedAtUtc,
    string? CreatedBy,
    DateTime? PublishedAtUtc);

/// <summary>One definition with its latest and published version numbers.</summary>
public sealed record DefinitionSummary(
    string DefinitionId,
    string Name,
    string? Description,
    int LatestVersion,
    int? PublishedVersion,
    DateTime UpdatedAtUtc,
    int RunningInstances);

/// <summary>A version's JSON (Elsa 3 shape, with this version's number) and its facts.</summary>
public sealed record DefinitionDocument(DefinitionVersionInfo Info, string Json);

/// <summary>Result of saving (import, save draft), publishing or reverting: the version, or the errors that stopped it.</summary>
public sealed record DefinitionCommandResult(
    string? DefinitionId,
    int? Version,
    bool IsPublished,
    IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0 && DefinitionId is not null;
}

public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    int Version,
    string? CorrelationId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    DateTime? FinishedAtUtc);

public sealed record InstanceDetails(
    string Id,
    string DefinitionId,
    int Version,
    string? CorrelationId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyDictionary<string, JsonNode?> Outputs,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc);

public sealed record InstanceQuery(string? DefinitionId = null, WorkflowStatus? Status = null,
    WorkflowSubStatus? SubStatus = null, string? CorrelationId = null, int Skip = 0, int Take = 50);

public enum ResumeOutcome
{
    Resumed,
    AlreadyResumed,
    NotFound,
}

public sealed record ResumeResult(ResumeOutcome Outcome, InstanceSummary? Instance);

public sealed record TriggerResult(IReadOnlyList<string> Started, IReadOnlyList<string> Resumed);

/// <summary>Definitions and their versions: save, publish, retract, revert, read.</summary>
public interface IWorkflowDefinitionService
{
    /// <summary>Adds a new draft version (the incoming version number is not trusted); publishes it when asked.</summary>
    Task<DefinitionCommandResult> ImportAsync(string json, bool publish, string? user, CancellationToken ct = default);

    /// <summary>Imports and publishes unless a published version of the definition has exactly this content (start-up loader).</summary>
    Task<DefinitionCommandResult> ImportIfChangedAsync(string json, string? user, CancellationToken ct = default);
    Task<DefinitionCommandResult> PublishAsync(string definitionId, int? version, string? user, CancellationToken ct = default);
    Task<DefinitionCommandResult> RetractAsync(string definitionId, string? user, CancellationToken ct = default);

    /// <summary>Copies <paramref name="version"/> forward as a new latest draft version.</summary>
    Task<DefinitionCommandResult> RevertAsync(string definitionId, int version, string? user, CancellationToken ct = default);

    /// <summary>
    /// Deletes a draft: a version that is not published and that no instance ran on (their journals and diagrams
    /// still need it). Deleting the latest version makes the previous one latest; deleting the only version removes
    /// the definition.
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">The version does not exist.</exception>
    /// <exception cref="WorkflowConflictException">The version is published or has instances.</exception>
    Task DeleteDraftAsync(string definitionId, int version, string? user, CancellationToken ct = default);
    Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct = default);
    Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string definitionId, CancellationToken ct = default);

    /// <summary>A version (latest when null), or null when unknown.</summary>
    Task<DefinitionDocument?> GetAsync(string definitionId, int? version, CancellationToken ct = default);
    Task<DefinitionDocument?> GetPublishedAsync(string definitionId, CancellationToken ct = default);

    /// <summary>The published version's facts without its document (a cheaper read), or null when none is published.</summary>
    async Task<DefinitionVersionInfo?> GetPublishedInfoAsync(string definitionId, CancellationToken ct = default) =>
        (await GetPublishedAsync(definitionId, ct))?.Info;
}

/// <summary>Runs instances against storage: every change of one pass is committed in one transaction.</summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts the published version and runs until the first bookmark or the end.</summary>
    Task<InstanceSummary> StartAsync(string definitionId, IReadOnlyDictionary<string, JsonNode?>? input, string? correlationId, CancellationToken ct = default);
    Task<ResumeResult> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken ct = default);

    /// <summary>Resumes matching event bookmarks and starts workflows whose trigger is this event.</summary>
    Task<TriggerResult> TriggerEventAsync(string eventName, string? correlationId, string? instanceId, JsonNode? input, CancellationToken ct = default);

    /// <summary>Starts a workflow from a trigger activity (cron, timer, start-at); the trigger completes at once.</summary>
    Task<InstanceSummary?> StartFromTriggerAsync(string definitionId, int version, string activityNodeId, CancellationToken ct = default);
    Task<InstanceSummary> RetryAsync(string instanceId, CancellationToken ct = default);
    Task<InstanceSummary> CancelAsync(string instanceId, CancellationToken ct = default);

    /// <summary>Picks up instances left executing by a crash; returns how many were continued.</summary>
    Task<int> RecoverInterruptedAsync(CancellationToken ct = default);
}

public interface IWorkflowInstanceQueries
{
    Task<IReadOnlyList<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken ct = default);
    Task<InstanceDetails?> GetAsync(string instanceId, CancellationToken ct = default);
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default);
}

/// <summary>Delivers due timers and cron triggers (Hangfire in production).</summary>
public interface IWorkflowScheduler
{
    /// <summary>Schedules "resume bookmark {id}" at its due time. Jobs carry only ids.</summary>
    void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc);
    void UnscheduleBookmark(string bookmarkId);

    /// <summary>
    /// Replaces every scheduled trigger of the definition with these (empty list: remove all). Cron triggers
    /// become recurring jobs with a stable id per definition and activity, time zone Asia/Shanghai.
    /// </summary>
    void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers);
}

public enum TriggerKind
{
    Cron,
    Timer,
    StartAt,
}

/// <summary>A trigger of a published version that starts instances on a schedule.</summary>
public sealed record ScheduledTrigger(
    string DefinitionId,
    int Version,
    string ActivityNodeId,
    TriggerKind Kind,
    string? CronExpression,
    TimeSpan? Interval,
    DateTime? StartAtUtc);

/// <summary>Thrown for operations on unknown definitions or instances (API: 404).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);

/// <summary>Thrown when an operation does not fit the current state (API: 409).</summary>
public sealed class WorkflowConflictException(string message) : Exception(message);
