using System.Text.Json.Nodes;

namespace Bishan.Workflow.Infrastructure.Outbox;

/// <summary>Something to do once the transaction that asks for it has committed (a row of the outbox).</summary>
public sealed record OutboxIntent(string Kind, JsonObject Payload)
{
    /// <summary>Deliver a timer bookmark at its time: <c>{ bookmarkId, resumeAtUtc }</c>.</summary>
    public const string ScheduleTimer = "timer.schedule";

    /// <summary>Forget a timer bookmark's job: <c>{ bookmarkId }</c>.</summary>
    public const string UnscheduleTimer = "timer.unschedule";

    /// <summary>Start the published version of a workflow: <c>{ definitionId, input, correlationId }</c>.</summary>
    public const string StartWorkflow = "workflow.start";

    /// <summary>Publish an event to waiting instances and event triggers: <c>{ eventName, correlationId, input }</c>.</summary>
    public const string PublishEvent = "workflow.event";

    /// <summary>A timer's schedule or unschedule: idempotent, invisible to the user, so carried out after the request (<see cref="OutboxDispatcher.Post"/>).</summary>
    public bool IsTimer => Kind is ScheduleTimer or UnscheduleTimer;

    public static OutboxIntent Schedule(string bookmarkId, DateTime resumeAtUtc) =>
        new(ScheduleTimer, new JsonObject { ["bookmarkId"] = bookmarkId, ["resumeAtUtc"] = DateTime.SpecifyKind(resumeAtUtc, DateTimeKind.Utc) });

    public static OutboxIntent Unschedule(string bookmarkId) => new(UnscheduleTimer, new JsonObject { ["bookmarkId"] = bookmarkId });

    public static OutboxIntent Start(string definitionId, JsonObject input, string? correlationId) =>
        new(StartWorkflow, new JsonObject { ["definitionId"] = definitionId, ["input"] = input, ["correlationId"] = correlationId });

    public static OutboxIntent Publish(string eventName, string? correlationId, JsonObject input) =>
        new(PublishEvent, new JsonObject { ["eventName"] = eventName, ["correlationId"] = correlationId, ["input"] = input });
}
