using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>
/// The criteria a task's form offers for one action: the version it was judged by and its items. Stored in the task's
/// form, so a task keeps the version it was opened with even if an administrator publishes a new one meanwhile.
/// </summary>
public sealed record CriteriaSet(CriteriaKind Kind, FiveAction Action, long VersionId, int Version, IReadOnlyList<CriterionItem> Items)
{
    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind.ToString(),
        ["action"] = Action.ToString(),
        ["versionId"] = VersionId,
        ["version"] = Version,
        ["items"] = CriteriaJson.ItemsNode(Items),
    };

    public static CriteriaSet? FromJson(JsonNode? node)
    {
        if (node is not JsonObject o
            || !Enum.TryParse<CriteriaKind>(o["kind"]?.ToString(), out var kind)
            || !Enum.TryParse<FiveAction>(o["action"]?.ToString(), out var action))
            return null;
        var versionId = o["versionId"] is JsonValue id && id.TryGetValue<long>(out var vid) ? vid : 0;
        var version = o["version"] is JsonValue n && n.TryGetValue<int>(out var number) ? number : 0;
        return new CriteriaSet(kind, action, versionId, version, CriteriaJson.ParseItems(o["items"]));
    }
}
