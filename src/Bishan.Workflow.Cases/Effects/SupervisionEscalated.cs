namespace Bishan.Workflow.Cases.Effects;

/// <summary>A supervision notice's deadline passed: if it is still unanswered, the leading group is told (督办升级).</summary>
public sealed record SupervisionEscalated(string NoticeId, string InstanceId, DateTime AtUtc);
