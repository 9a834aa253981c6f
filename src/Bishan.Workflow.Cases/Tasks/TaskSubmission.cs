using System.Text.Json.Nodes;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>The resume input of a task bookmark: the chosen outcome, the form data, a comment, who did it.</summary>
public sealed record TaskSubmission(string? Outcome, JsonObject Data, string? Comment, string? UserId)
{
    public JsonObject ToJson() => new()
    {
        ["outcome"] = Outcome,
        ["data"] = Data.DeepClone(),
        ["comment"] = Comment,
        ["userId"] = UserId,
    };

    public static TaskSubmission From(JsonNode? input) => input is JsonObject o
        ? new TaskSubmission(o["outcome"]?.ToString(), o["data"] as JsonObject ?? [], o["comment"]?.ToString(), o["userId"]?.ToString())
        : new TaskSubmission(null, [], null, null);
}
