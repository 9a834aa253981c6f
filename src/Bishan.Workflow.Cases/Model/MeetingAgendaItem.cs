namespace Bishan.Workflow.Cases.Model;

/// <summary>One case on a meeting's agenda, with the reason it is there (a case can appear for several reasons).</summary>
public sealed class MeetingAgendaItem
{
    public long Id { get; set; }
    public string MeetingId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public AgendaReason Reason { get; set; }

    /// <summary>A short line for the agenda (file number, name, what is pending), written when the agenda is built.</summary>
    public string? Note { get; set; }
}
