namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A special report (专报) from the district task force to the leading group (领导小组) and the district supervision office
/// (区督查办), numbered per year (璧山五个行动专报〔2026〕第N期). The secretary drafts it from live figures, usually for a
/// meeting, edits its sections and submits it; the task-force head signs it off through the <c>special-report</c> workflow;
/// once signed it is sent to its recipients, whose reading is recorded.
/// </summary>
public sealed class SpecialReport : IConcurrencyVersioned
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The meeting it reports on (周会商, 月度专题会, 专题会), or null for a report drafted on its own.</summary>
    public string? MeetingId { get; set; }

    /// <summary>What period or meeting it covers, as printed under the title.</summary>
    public string Period { get; set; } = "";
    public SpecialReportStatus Status { get; set; }
    public string DraftedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>The sign-off workflow instance of the latest submission.</summary>
    public string? InstanceId { get; set; }
    public string? SignedByUserId { get; set; }
    public DateTime? SignedAtUtc { get; set; }
    public string? SignOffComment { get; set; }
    public string? ReturnedByUserId { get; set; }
    public DateTime? ReturnedAtUtc { get; set; }
    public string? ReturnReason { get; set; }
    public long ConcurrencyToken { get; set; }

    public List<SpecialReportSection> Sections { get; set; } = [];
    public List<SpecialReportRecipient> Recipients { get; set; } = [];

    /// <summary>璧山五个行动专报〔2026〕第3期, stored so that it can be searched.</summary>
    public string NumberText { get; set; } = "";

    public static string FormatNumber(int year, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"璧山五个行动专报〔{year}〕第{number}期");
}
