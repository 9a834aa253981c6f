using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>Answers to a task's criteria field as a caseworker would give them: the required items ticked with evidence.</summary>
internal static class CriteriaAnswersFor
{
    /// <param name="task">The task whose form offers the criteria (its stored form, so the version it was opened with).</param>
    /// <param name="data">The rest of the form (the screening's chosen action picks the entry criteria).</param>
    /// <param name="leaveOut">A criterion id to leave unticked.</param>
    public static JsonArray Required(WorkTask task, JsonObject? data = null, string? leaveOut = null)
    {
        var field = TaskForms.Fields(task).Single(f => f.Type == FormFieldType.Criteria);
        var set = field.CriteriaSetFor(data) ?? throw new InvalidOperationException("The form offers no criteria for that action.");
        return new JsonArray(set.Items.Where(i => i.Required && i.Id != leaveOut)
            .Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["evidence"] = $"已核实：{i.TextZh}" }).ToArray());
    }
}
