namespace Bishan.Workflow.Cases.Model;

/// <summary>A visit, talk, class or service delivered to the minor (帮扶记录).</summary>
public sealed class HelpRecord
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";

    /// <summary>When the help happened (as reported), not when it was typed in.</summary>
    public DateTime OccurredAtUtc { get; set; }

    /// <summary>Visit (家访), Talk (谈心), Class (课程), Service (服务) or other, free text.</summary>
    public string Kind { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>The helper from the pool who delivered it, if recorded.</summary>
    public long? HelperId { get; set; }

    public string? RecordedByUserId { get; set; }
    public string? TaskId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
