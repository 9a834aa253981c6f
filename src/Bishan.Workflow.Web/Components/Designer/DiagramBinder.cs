using Bishan.Workflow.Engine.Authoring;
using Blazor.Diagrams;
using Blazor.Diagrams.Options;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>
/// The mapping between the Z.Blazor.Diagrams canvas and the definition document, both ways. The diagram is a view:
/// <see cref="Sync"/> brings it in line with the document by difference (only nodes and links that changed are
/// touched, so only they re-render and only their diff crosses SignalR), and every gesture (move, connect, delete)
/// becomes one edit of <see cref="DesignerSession"/>, which then syncs the diagram back.
/// </summary>
public sealed class DiagramBinder : IDisposable
{
    private readonly DesignerSession _session;
    private readonly string _culture;
    private readonly Dictionary<string, ActivityNodeModel> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<ConnectionView, BaseLinkModel> _links = [];
    private IReadOnlyDictionary<string, NodeState> _states = new Dictionary<string, NodeState>();
    private bool _syncing;

    public DiagramBinder(DesignerSession session, string culture, bool readOnly = false)
    {
        _session = session;
        _culture = culture;
        ReadOnly = readOnly;
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = true,
            GridSize = null,
        };
        options.Zoom.Enabled = true;
        options.Links.DefaultRouter = new NormalRouter();
        options.Links.DefaultPathGenerator = new SmoothPathGenerator();
        options.Links.RequireTarget = true;
        options.Links.Factory = (_, source, target) => !ReadOnly && source is OutcomePortModel port ? NewLink(new SinglePortAnchor(port), target) : null;
        // Dropping a link anywhere on an activity ends it on that activity's In port, the only target port Elsa has.
        options.Links.TargetAnchorFactory = (_, _, model) => model switch
        {
            ActivityNodeModel node => new SinglePortAnchor(node.InPort),
            PortModel { Parent: ActivityNodeModel parent } => new SinglePortAnchor(parent.InPort),
            PortModel port => new SinglePortAnchor(port),
            NodeModel other => new ShapeIntersectionAnchor(other),
            _ => throw new InvalidOperationException("Links end on activities."),
        };
        Diagram = new BlazorDiagram(options);
        // Delete and the other keys are the designer's own (they edit the document, not just the diagram).
        Diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        Diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        Diagram.SelectionChanged += _ => SelectionChanged?.Invoke();
        Sync();
        _session.Changed += Sync;
    }

    public BlazorDiagram Diagram { get; }
    public bool ReadOnly { get; }

    /// <summary>Raised when the selection changes (the properties panel follows it).</summary>
    public event Action? SelectionChanged;

    public IReadOnlyDictionary<string, ActivityNodeModel> Nodes => _nodes;
    public IReadOnlyDictionary<ConnectionView, BaseLinkModel> Links => _links;

    public IReadOnlyList<string> SelectedActivityIds =>
        Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Select(n => n.ActivityId).ToList();

    public IReadOnlyList<ConnectionView> SelectedConnections =>
        _links.Where(l => l.Value.Selected).Select(l => l.Key).ToList();

    /// <summary>Marks activities for the instance viewer (executed, waiting on a bookmark, faulted).</summary>
    public void SetStates(IReadOnlyDictionary<string, NodeState> states)
    {
        _states = states;
        Sync();
    }

    public void Select(string activityId, bool reveal = true)
    {
        if (!_nodes.TryGetValue(activityId, out var node)) return;
        Diagram.UnselectAll();
        Diagram.SelectModel(node, true);
        // Bring the node into view: its top-left a little inside the canvas.
        var container = Diagram.Container;
        if (reveal && container is not null)
            Diagram.SetPan(container.Width / 3 - node.Position.X * Diagram.Zoom, container.Height / 3 - node.Position.Y * Diagram.Zoom);
    }

    /// <summary>The zoom at which 12 px node text still reads as 11 px: fitting never goes below it (issue 14).</summary>
    public const double ReadableZoom = 0.92;

    /// <summary>
    /// Fits the workflow into the canvas at a readable zoom (between <see cref="ReadableZoom"/> and 100 %). When it fits
    /// it is centred; when it does not, <paramref name="focusActivityId"/> (the start, or the activity an instance waits
    /// on) is centred and the rest is a pan away (the minimap shows where). Node sizes not measured yet are estimated.
    /// </summary>
    public bool FitReadable(string? focusActivityId, bool alwaysCentreFocus = false)
    {
        var container = Diagram.Container;
        if (container is null || container.Width <= 0 || _nodes.Count == 0) return false;
        const double margin = 8;
        var boxes = _nodes.Values.Select(n => (Node: n, W: n.Size?.Width ?? LayeredLayout.NodeWidth,
            H: n.Size?.Height ?? _session.EstimatedHeight(n.ActivityId))).ToList();
        var left = boxes.Min(b => b.Node.Position.X);
        var top = boxes.Min(b => b.Node.Position.Y);
        var right = boxes.Max(b => b.Node.Position.X + b.W);
        var bottom = boxes.Max(b => b.Node.Position.Y + b.H);
        var fit = Math.Min((container.Width - 2 * margin) / Math.Max(1, right - left), (container.Height - 2 * margin) / Math.Max(1, bottom - top));
        var zoom = Math.Clamp(fit, ReadableZoom, 1.0);
        Diagram.SetZoom(zoom);
        var focus = focusActivityId is not null && _nodes.TryGetValue(focusActivityId, out var f) ? boxes.Find(b => b.Node == f) : default;
        if (alwaysCentreFocus && focus.Node is not null)
        {
            CentreOn(focus.Node.Position.X + focus.W / 2, focus.Node.Position.Y + focus.H / 2, zoom, container.Width, container.Height);
            return true;
        }
        if (fit >= ReadableZoom)
        {
            // Everything fits: centre the whole workflow.
            CentreOn((left + right) / 2, (top + bottom) / 2, zoom, container.Width, container.Height);
            return true;
        }
        // Too large to read whole: show it from its top-left corner (where the layout puts the start), or, when the
        // focus would then be out of view, centre the focus.
        Diagram.SetPan(margin - left * zoom, margin - top * zoom);
        if (focus.Node is not null
            && ((focus.Node.Position.X + focus.W - left) * zoom + margin > container.Width || (focus.Node.Position.Y + focus.H - top) * zoom + margin > container.Height))
            CentreOn(focus.Node.Position.X + focus.W / 2, focus.Node.Position.Y + focus.H / 2, zoom, container.Width, container.Height);
        return true;
    }

    private void CentreOn(double x, double y, double zoom, double width, double height) =>
        Diagram.SetPan(width / 2 - x * zoom, height / 2 - y * zoom);

    /// <summary>The widest a band of the auto-layout may be so that it fits the canvas at a readable zoom.</summary>
    public double ReadableWidth() =>
        Diagram.Container is { Width: > 0 } c ? Math.Max(LayeredLayout.NodeWidth, (c.Width - 48) / ReadableZoom) : 930;

    /// <summary>
    /// Where a new activity goes: beside the selected one (right of it, or under it when that would leave the view),
    /// else in the middle of the view.
    /// </summary>
    public Point PlaceForNew()
    {
        if (SelectedActivityIds is [var selected] && _nodes.TryGetValue(selected, out var node))
        {
            var width = node.Size?.Width ?? LayeredLayout.NodeWidth;
            var x = node.Position.X + width + LayeredLayout.ColumnGap;
            var y = node.Position.Y;
            var container = Diagram.Container;
            var visibleRight = container is null ? double.MaxValue : (container.Width - Diagram.Pan.X) / Diagram.Zoom;
            if (x + LayeredLayout.NodeWidth > visibleRight)
            {
                x = node.Position.X;
                y = node.Position.Y + (node.Size?.Height ?? _session.EstimatedHeight(selected)) + LayeredLayout.RowGap;
            }
            // Step down past anything already there.
            while (_nodes.Values.Any(n => n != node && Math.Abs(n.Position.X - x) < LayeredLayout.NodeWidth && Math.Abs(n.Position.Y - y) < 60))
                y += 80;
            return new Point(x, y);
        }
        return VisibleCentre();
    }

    /// <summary>The diagram point at the centre of the visible canvas (where a clicked palette item lands).</summary>
    public Point VisibleCentre()
    {
        var container = Diagram.Container;
        var (w, h) = container is null ? (800.0, 500.0) : (container.Width, container.Height);
        return new Point((w / 2 - Diagram.Pan.X) / Diagram.Zoom - 90, (h / 2 - Diagram.Pan.Y) / Diagram.Zoom - 40);
    }

    public void DeleteSelection()
    {
        if (ReadOnly) return;
        _session.Delete(SelectedActivityIds, SelectedConnections);
    }

    /// <summary>Brings the diagram in line with the document; touches only what differs.</summary>
    public void Sync()
    {
        _syncing = true;
        try
        {
            Diagram.Batch(() =>
            {
                var activities = _session.Activities;
                var present = new HashSet<string>(StringComparer.Ordinal);
                foreach (var activity in activities)
                {
                    present.Add(activity.Id);
                    SyncNode(activity);
                }
                foreach (var gone in _nodes.Keys.Where(id => !present.Contains(id)).ToList())
                {
                    foreach (var key in _links.Keys.Where(k => k.Source == gone || k.Target == gone).ToList())
                        _links.Remove(key);
                    Diagram.Nodes.Remove(_nodes[gone]);
                    _nodes.Remove(gone);
                }
                SyncLinks();
            });
        }
        finally
        {
            _syncing = false;
        }
    }

    private void SyncNode(ActivityView activity)
    {
        var descriptor = _session.Describe(activity.Type);
        var outcomes = _session.OutcomesOf(activity.Id);
        var errors = _session.ErrorsOf(activity.Id).Select(e => e.Message).ToList();
        var state = _states.GetValueOrDefault(activity.Id);
        var typeName = descriptor?.DisplayName.For(_culture) ?? activity.Type;
        var warnings = ReadOnly ? [] : _session.WarningsOf(activity.Id);
        var signature = string.Join('\u001f', [activity.Name ?? "", typeName, state.ToString(), string.Join(',', outcomes), .. errors, .. warnings.Select(w => w.ToString())]);

        if (!_nodes.TryGetValue(activity.Id, out var node))
        {
            node = new ActivityNodeModel(activity.Id, new Point(activity.Position.X, activity.Position.Y))
            {
                Title = activity.Name ?? activity.Id,
                Type = activity.Type,
                Icon = ActivityIcons.For(activity.Type, descriptor?.Category),
                Locked = ReadOnly,
            };
            node.InPort.Locked = true;
            node.Warnings = warnings;
            node.Moved += OnNodeMoved;
            Apply(node, typeName, outcomes, errors, state, signature);
            _nodes[activity.Id] = node;
            Diagram.Nodes.Add(node);
            return;
        }

        if (Math.Abs(node.Position.X - activity.Position.X) > 0.5 || Math.Abs(node.Position.Y - activity.Position.Y) > 0.5)
            node.SetPosition(activity.Position.X, activity.Position.Y);
        if (node.Signature == signature) return;
        node.Title = activity.Name ?? activity.Id;
        node.Warnings = warnings;
        Apply(node, typeName, outcomes, errors, state, signature);
        node.Refresh();
    }

    private void Apply(ActivityNodeModel node, string typeName, IReadOnlyList<string> outcomes, List<string> errors, NodeState state, string signature)
    {
        node.TypeDisplayName = typeName;
        node.Errors = errors;
        node.State = state;
        node.Signature = signature;
        foreach (var port in node.OutcomePorts.Where(p => !outcomes.Contains(p.Outcome)).ToList())
        {
            foreach (var key in _links.Keys.Where(k => k.Source == node.ActivityId && k.SourcePort == port.Outcome).ToList())
            {
                Diagram.Links.Remove(_links[key]);
                _links.Remove(key);
            }
            node.RemovePort(port);
        }
        foreach (var outcome in outcomes.Where(o => node.OutcomePort(o) is null))
            node.AddPort(new OutcomePortModel(node, outcome) { Locked = ReadOnly });
    }

    private void SyncLinks()
    {
        var wanted = _session.Connections
            .Where(c => _nodes.TryGetValue(c.Source, out var s) && s.OutcomePort(c.SourcePort) is not null && _nodes.ContainsKey(c.Target))
            .ToHashSet();
        foreach (var extra in _links.Keys.Where(k => !wanted.Contains(k)).ToList())
        {
            Diagram.Links.Remove(_links[extra]);
            _links.Remove(extra);
        }
        foreach (var connection in wanted.Where(c => !_links.ContainsKey(c)))
        {
            var source = _nodes[connection.Source].OutcomePort(connection.SourcePort)!;
            var link = NewLink(new SinglePortAnchor(source), new SinglePortAnchor(_nodes[connection.Target].InPort));
            _links[connection] = link;
            Diagram.Links.Add(link);
        }
    }

    private LinkModel NewLink(Anchor source, Anchor target)
    {
        var link = new LinkModel(source, target) { TargetMarker = LinkMarker.Arrow, Locked = ReadOnly };
        link.TargetAttached += OnLinkAttached;
        return link;
    }

    /// <summary>A link dragged from an outcome port was dropped on an activity: that is one Connect edit.</summary>
    private void OnLinkAttached(BaseLinkModel link)
    {
        if (_syncing || ReadOnly) return;
        var port = link.Source.Model as OutcomePortModel;
        var target = link.Target.Model switch
        {
            ActivityNodeModel node => node,
            PortModel { Parent: ActivityNodeModel node } => node,
            _ => null,
        };
        if (port?.Parent is not ActivityNodeModel source || target is null)
        {
            Diagram.Links.Remove(link);
            return;
        }
        var key = new ConnectionView(source.ActivityId, port.Outcome, target.ActivityId, "In");
        if (_links.ContainsKey(key))
        {
            // Already connected: the drag added nothing.
            Diagram.Links.Remove(link);
            return;
        }
        _links[key] = link;
        _session.Connect(key.Source, key.SourcePort, key.Target);
    }

    /// <summary>
    /// A drag ended. The drag behaviour raises Moved once per dragged node, one after the other, after it has moved them
    /// all; the first of these commits every selected node that is not where the document has it, as one move (one undo
    /// step), and the rest then find nothing left to do. Committing only the one node would also sync the diagram back
    /// and snap the other dragged nodes to their old positions.
    /// </summary>
    private void OnNodeMoved(MovableModel model)
    {
        if (_syncing || ReadOnly || model is not ActivityNodeModel node) return;
        var moved = Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Append(node).Distinct()
            .Select(n => (n.ActivityId, n.Position.X, n.Position.Y))
            .ToList();
        _session.Move(moved);
    }

    public void Dispose()
    {
        _session.Changed -= Sync;
        foreach (var node in _nodes.Values) node.Moved -= OnNodeMoved;
        foreach (var link in _links.Values) link.TargetAttached -= OnLinkAttached;
    }
}
