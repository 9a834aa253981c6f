namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// The reminder the day before a parent class sent to one invited case's caseworker. Unique per class, case and class date, so
/// however many nodes run the sweep it is sent once, and a class moved to another day is reminded of again.
/// </summary>
public sealed class FamilyEducationClassReminder
{
    public long Id { get; set; }
    public string ClassId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public DateOnly ClassDate { get; set; }
    public string? UserId { get; set; }
    public DateTime SentAtUtc { get; set; }
}
