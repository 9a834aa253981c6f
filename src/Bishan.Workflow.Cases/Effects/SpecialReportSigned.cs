namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.SignSpecialReport</c>: the report is signed off (by the approver of the same instance) and sent to the
/// leading group and 区督查办: a recipient row, an inbox item and a notification each.
/// </summary>
public sealed record SpecialReportSigned(string InstanceId, string ReportId, DateTime AtUtc);
