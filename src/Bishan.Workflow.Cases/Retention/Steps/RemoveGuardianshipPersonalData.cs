using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Retention.Steps;

/// <summary>
/// A guardianship consultation's free texts (the reason, the outcome's note, the review, an entrusted relative's name) speak
/// of the family: they are cleared, keeping the outcome, the dates and the job for the figures.
/// </summary>
public sealed class RemoveGuardianshipPersonalData : IPersonalDataStep
{
    public async Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        foreach (var consultation in await db.GuardianshipConsultations.Where(c => c.CaseId == file.Id).ToListAsync(ct))
        {
            consultation.Reason = "—";
            consultation.OutcomeNote = consultation.OutcomeNote is null ? null : "—";
            consultation.FollowUpNote = consultation.FollowUpNote is null ? null : "—";
            consultation.EntrustedGuardian = consultation.EntrustedGuardian is null ? null : ChineseNames.Reduce(consultation.EntrustedGuardian);
        }
    }
}
