using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Supervision;

/// <summary>
/// A notice's state from the tasks of its workflow instance: the unit's answer task (node <see cref="AnswerNode"/>) and
/// 督查办's review task (node <see cref="ReviewNode"/>, outcome <see cref="SignOffOutcome"/> or <see cref="ReturnOutcome"/>).
/// One source of truth: whoever completes those tasks (inbox, API or page) moves the notice.
/// </summary>
public sealed record SupervisionState(SupervisionStatus Status, string? Answer, DateTime? AnsweredAtUtc, string? ReviewComment,
    DateTime? ReviewedAtUtc, string? OpenTaskId, int Returns)
{
    public const string Definition = "supervision";
    public const string AnswerNode = "answer";
    public const string ReviewNode = "review";
    public const string SignOffOutcome = "SignedOff";
    public const string ReturnOutcome = "Returned";
    public const string AnswerField = "rectification";

    /// <summary>Unanswered (issued or returned) past the deadline.</summary>
    public static bool IsLate(SupervisionNotice notice, SupervisionState state, DateTime nowUtc) =>
        state.Status is SupervisionStatus.Issued or SupervisionStatus.Returned && nowUtc > notice.DeadlineAtUtc;

    public static SupervisionState Of(IEnumerable<WorkTask> instanceTasks)
    {
        var tasks = instanceTasks.OrderBy(t => t.CreatedAtUtc).ToList();
        // Node ids are paths (flowchart:answer); the activity id is the last segment.
        static bool At(WorkTask t, string node) => t.NodeId is { } id && (id == node || id.EndsWith(":" + node, StringComparison.Ordinal));
        var lastAnswer = tasks.LastOrDefault(t => At(t, AnswerNode) && t.Status == WorkTaskStatus.Completed);
        var lastReview = tasks.LastOrDefault(t => At(t, ReviewNode) && t.Status == WorkTaskStatus.Completed);
        var open = tasks.LastOrDefault(t => t.Status == WorkTaskStatus.Open);
        var returns = tasks.Count(t => At(t, ReviewNode) && t.Outcome == ReturnOutcome);
        var status = lastReview?.Outcome == SignOffOutcome && open is null ? SupervisionStatus.SignedOff
            : open is not null && At(open, ReviewNode) ? SupervisionStatus.Answered
            : returns > 0 ? SupervisionStatus.Returned
            : SupervisionStatus.Issued;
        return new(status, AnswerOf(lastAnswer), lastAnswer?.CompletedAtUtc, lastReview?.Comment, lastReview?.CompletedAtUtc, open?.Id, returns);
    }

    private static string? AnswerOf(WorkTask? task)
    {
        if (task?.DataJson is not { Length: > 0 } json) return null;
        try
        {
            return JsonNode.Parse(json) is JsonObject data && data[AnswerField] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
