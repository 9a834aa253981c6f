using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Retention.Steps;

/// <summary>
/// Records written while the file was live repeat the minor's name (notifications "BS-2023-0042 王小明", agenda notes,
/// free texts typed by caseworkers): the full name is replaced by the reduced one wherever it occurs, and the record
/// itself stays, so the timeline still tells the story.
/// </summary>
public sealed class RemoveNameFromRecords : IPersonalDataStep
{
    public async Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct)
    {
        var full = name.Original.Trim();
        if (full.Length < 2 || string.Equals(full, name.Reduced, StringComparison.Ordinal)) return;
        string? Swap(string? text) => text?.Replace(full, name.Reduced, StringComparison.Ordinal);

        file.ReferralReason = Swap(file.ReferralReason);
        file.Source = Swap(file.Source);
        file.DuplicateOverrideReason = Swap(file.DuplicateOverrideReason);
        file.CloseReason = Swap(file.CloseReason);

        foreach (var t in await db.TimelineEntries.Where(t => t.CaseId == file.Id && t.Text.Contains(full)).ToListAsync(ct))
            t.Text = Swap(t.Text)!;
        foreach (var n in await db.Notifications.Where(n => n.CaseId == file.Id && (n.Title.Contains(full) || n.Message.Contains(full))).ToListAsync(ct))
            (n.Title, n.Message) = (Swap(n.Title)!, Swap(n.Message)!);
        foreach (var a in await db.MeetingAgendaItems.Where(a => a.CaseId == file.Id && a.Note != null && a.Note.Contains(full)).ToListAsync(ct))
            a.Note = Swap(a.Note);
        foreach (var t in await db.WorkTasks.Where(t => t.CaseId == file.Id).ToListAsync(ct))
            (t.Title, t.Description, t.Comment, t.DataJson) = (Swap(t.Title)!, Swap(t.Description), Swap(t.Comment), Swap(t.DataJson));
        foreach (var g in await db.PlanGoals.Where(g => g.CaseId == file.Id).ToListAsync(ct))
            (g.Title, g.Measures, g.ResultNote) = (Swap(g.Title)!, Swap(g.Measures)!, Swap(g.ResultNote));
        foreach (var r in await db.PlanRevisions.Where(r => r.CaseId == file.Id).ToListAsync(ct))
            (r.Changes, r.Note) = (Swap(r.Changes)!, Swap(r.Note));
        foreach (var h in await db.HelpRecords.Where(h => h.CaseId == file.Id && h.Content.Contains(full)).ToListAsync(ct))
            h.Content = Swap(h.Content)!;
        foreach (var e in await db.Evaluations.Where(e => e.CaseId == file.Id && e.Comment != null && e.Comment.Contains(full)).ToListAsync(ct))
            e.Comment = Swap(e.Comment);
        foreach (var s in await db.Subsidies.Where(s => s.CaseId == file.Id && s.Reason.Contains(full)).ToListAsync(ct))
            s.Reason = Swap(s.Reason)!;
    }
}
