namespace Bishan.Workflow.Cases.Model;

/// <summary>A person a signed special report was sent to (a leader or 区督查办), with the read receipt.</summary>
public sealed class SpecialReportRecipient
{
    public long Id { get; set; }
    public string ReportId { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>Why they receive it: the role (<c>Leader</c> for the leading group, <c>Inspector</c> for 区督查办).</summary>
    public string Role { get; set; } = "";

    /// <summary>The inbox item (a task without bookmark) asking them to read it.</summary>
    public string? TaskId { get; set; }
    public DateTime SentAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
