namespace Bishan.Workflow.Engine.Definitions;

/// <summary>A flowchart edge from an outcome port of one activity to the In port of another.</summary>
public sealed record Connection(int Index, string Source, string SourcePort, string Target, string TargetPort);
