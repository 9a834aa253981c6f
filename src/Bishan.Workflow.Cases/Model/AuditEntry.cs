namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// Who did what, when, from where: every read of a case file, every change and every export (the data are
/// minors' sensitive personal information). Append-only.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>A short verb such as <c>case.read</c>, <c>case.update</c>, <c>register.export</c>.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public DateTime AtUtc { get; set; }
}
