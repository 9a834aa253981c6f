namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.GenerateSpecialReport</c> (专报): the host generates the report from live statistics
/// and the meeting of the same instance (agenda, minutes, decisions) and delivers it to
/// <see cref="Recipients"/> (by default the district education leading group and the supervision office).
/// </summary>
public sealed record SpecialReportRequested(string InstanceId, string Title, string Period, string Recipients, string? Notes, DateTime AtUtc);
