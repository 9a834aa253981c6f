namespace Bishan.Workflow.Cases.Effects;

/// <summary>Effect of <c>Bishan.ReturnSpecialReport</c>: the report goes back to its drafter with the reason, to be edited and submitted again.</summary>
public sealed record SpecialReportReturned(string InstanceId, string ReportId, string? Reason, DateTime AtUtc);
