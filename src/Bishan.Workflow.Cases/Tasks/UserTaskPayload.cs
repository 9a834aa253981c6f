using System.Text.Json.Nodes;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// What a task bookmark carries: enough for the host to create the task row and for the UI to render it.
/// <see cref="TargetTier"/> is set on approvals of a tier change or registration: the approver rule
/// (<c>case.coordinator</c>) is then resolved for that tier, not for the case's current one.
/// </summary>
public sealed record UserTaskPayload(
    string Title,
    string? Description,
    IReadOnlyList<FormField> Form,
    string Assignee,
    string? CandidateGroups,
    DateTime? DueAtUtc,
    DateTime? FollowUpAtUtc,
    IReadOnlyList<string> Outcomes,
    string? CaseId,
    string Kind,
    string? TargetTier = null)
{
    public JsonObject ToJson() => new()
    {
        ["title"] = Title,
        ["description"] = Description,
        ["form"] = new JsonArray(Form.Select(f => (JsonNode?)f.ToJson()).ToArray()),
        ["assignee"] = Assignee,
        ["candidateGroups"] = CandidateGroups,
        ["dueAtUtc"] = DueAtUtc,
        ["followUpAtUtc"] = FollowUpAtUtc,
        ["outcomes"] = new JsonArray(Outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
        ["caseId"] = CaseId,
        ["kind"] = Kind,
        ["targetTier"] = TargetTier,
    };

    public static UserTaskPayload FromJson(JsonObject o) => new(
        o["title"]?.ToString() ?? "",
        o["description"]?.ToString(),
        FormField.ParseList(o["form"]),
        o["assignee"]?.ToString() ?? AssigneeRules.CaseCaseworker,
        o["candidateGroups"]?.ToString(),
        o["dueAtUtc"]?.GetValue<DateTime>(),
        o["followUpAtUtc"]?.GetValue<DateTime>(),
        (o["outcomes"] as JsonArray)?.Select(x => x?.ToString() ?? "").ToList() ?? ["Done"],
        o["caseId"]?.ToString(),
        o["kind"]?.ToString() ?? "Task",
        o["targetTier"]?.ToString());
}
