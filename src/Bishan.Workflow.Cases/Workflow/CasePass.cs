using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// What the bridge needs of one committed workflow pass, without depending on the host's runtime types.
/// </summary>
/// <param name="InstanceId">The instance that ran.</param>
/// <param name="DefinitionId">Its workflow, e.g. <c>case-intake</c>.</param>
/// <param name="CorrelationId">The case id for case workflows.</param>
/// <param name="Effects">The effects activities emitted, in order.</param>
/// <param name="AddedBookmarks">Bookmarks created by the pass; <c>Bishan.UserTask</c> ones become tasks.</param>
/// <param name="RemovedBookmarkIds">Bookmarks gone after the pass (resumed or cancelled); their tasks end.</param>
/// <param name="ResumedBookmarkId">The bookmark the pass resumed: its task was completed, the others were cancelled.</param>
/// <param name="ResumeInput">The submission the bookmark was resumed with (<c>TaskSubmission</c>).</param>
/// <param name="Variables">
/// The instance's variables after the pass, by id. The shipped workflows use the name as id, so the bridge reads
/// e.g. <c>proposedAction</c> to route a registration approval before the case has an action.
/// </param>
public sealed record CasePass(
    string InstanceId,
    string DefinitionId,
    string? CorrelationId,
    IReadOnlyList<object> Effects,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    string? ResumedBookmarkId,
    JsonNode? ResumeInput,
    IReadOnlyDictionary<string, JsonNode?> Variables);
