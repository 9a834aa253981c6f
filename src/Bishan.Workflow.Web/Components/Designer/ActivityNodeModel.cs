using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>How the instance viewer marks an activity.</summary>
public enum NodeState
{
    None,
    Executed,
    Waiting,
    Faulted,
}

/// <summary>An activity on the canvas: a view of one activity of the document, never the source of truth.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(string activityId, Point position) : base(activityId, position)
    {
        ActivityId = activityId;
        InPort = AddPort(new InPortModel(this));
    }

    public string ActivityId { get; }
    public string Type { get; set; } = "";
    public string TypeDisplayName { get; set; } = "";
    public string Icon { get; set; } = "";
    public IReadOnlyList<string> Errors { get; set; } = [];
    public IReadOnlyList<LintWarning> Warnings { get; set; } = [];
    public NodeState State { get; set; }
    public PortModel InPort { get; }

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public OutcomePortModel? OutcomePort(string outcome) => OutcomePorts.FirstOrDefault(p => p.Outcome == outcome);

    /// <summary>What the widget shows; when it is unchanged a sync does not re-render the node.</summary>
    internal string Signature { get; set; } = "";
}

/// <summary>The single input port ("In"): links end here and never start here.</summary>
public sealed class InPortModel : PortModel
{
    public InPortModel(NodeModel parent) : base(parent.Id + ":In", parent, PortAlignment.Left)
    {
        Locked = true;
    }

    public override bool CanAttachTo(ILinkable other) => false;
}

/// <summary>One output port per outcome; a link from it may end on another activity or its In port.</summary>
public sealed class OutcomePortModel(ActivityNodeModel parent, string outcome)
    : PortModel(parent.Id + ":" + outcome, parent, PortAlignment.Right)
{
    public string Outcome { get; } = outcome;

    public override bool CanAttachTo(ILinkable other) =>
        other is ActivityNodeModel or InPortModel;
}
