namespace Bishan.Workflow.Cases.Model;

/// <summary>Someone who attended a meeting: a user of the system or a helper of the pool (exactly one of the two ids), with the name as recorded.</summary>
public sealed class MeetingAttendee
{
    public long Id { get; set; }
    public string MeetingId { get; set; } = "";
    public string? UserId { get; set; }
    public long? HelperId { get; set; }
    public string Name { get; set; } = "";
}
