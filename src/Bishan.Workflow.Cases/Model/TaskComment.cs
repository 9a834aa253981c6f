namespace Bishan.Workflow.Cases.Model;

/// <summary>A comment on a task (questions, hand-over notes); the completion comment stays on the task itself.</summary>
public sealed class TaskComment
{
    public long Id { get; set; }
    public string TaskId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
