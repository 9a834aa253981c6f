using System.Text.Json.Nodes;

namespace Bishan.Workflow.Engine.Execution;

/// <summary>
/// Everything needed to continue an instance later: variables, the scheduler queue, the activity
/// contexts still alive (blocked, waiting joins, running composites) and the bookmarks. Serialized as JSON.
/// </summary>
public sealed class WorkflowState
{
    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? CorrelationId { get; set; }
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;
    public WorkflowStatus Status => SubStatus.ToStatus();

    /// <summary>Variable values keyed by variable id.</summary>
    public Dictionary<string, JsonNode?> Variables { get; set; } = [];
    public Dictionary<string, JsonNode?> Input { get; set; } = [];
    public Dictionary<string, JsonNode?> Output { get; set; } = [];

    /// <summary>Outcomes sent by an Elsa.Complete that ended the root flowchart.</summary>
    public List<string> Outcomes { get; set; } = [];
    public List<ActivityContextState> Contexts { get; set; } = [];
    public List<WorkItem> Queue { get; set; } = [];
    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>The work item that faulted; retry puts it back at the head of the queue.</summary>
    public WorkItem? FaultedWorkItem { get; set; }
    public long JournalSequence { get; set; }
    public long ContextSequence { get; set; }
}

public sealed class ActivityContextState
{
    public string Id { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string? ParentId { get; set; }
    public ActivityStatus Status { get; set; }

    /// <summary>Set when the activity was reached over a backward (loop) connection.</summary>
    public bool Backward { get; set; }

    /// <summary>Flowchart bookkeeping (counters or tokens); null for other activities.</summary>
    public FlowScope? Flow { get; set; }

    /// <summary>Free-form per-activity state, for composites such as Fork.</summary>
    public JsonObject? Properties { get; set; }
}

public sealed record WorkItem(string NodeId, string? ParentContextId, string? ExistingContextId = null, bool Backward = false);

public sealed class FlowScope
{
    public Dictionary<string, int> ActivityVisits { get; set; } = [];
    public Dictionary<int, int> ConnectionVisits { get; set; } = [];
    public Dictionary<int, int> ConnectionFollows { get; set; } = [];
    public List<FlowToken> Tokens { get; set; } = [];

    public int Visits(string activityId) => ActivityVisits.GetValueOrDefault(activityId);
    public int Visits(int connection) => ConnectionVisits.GetValueOrDefault(connection);
    public int Follows(int connection) => ConnectionFollows.GetValueOrDefault(connection);
}

public sealed class FlowToken
{
    public int Connection { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Outcome { get; set; } = "";
    public bool Consumed { get; set; }
    public bool Blocked { get; set; }
}
