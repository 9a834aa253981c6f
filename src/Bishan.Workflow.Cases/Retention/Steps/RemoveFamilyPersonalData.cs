using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Retention.Steps;

/// <summary>
/// Guardians and household members are personal data of other people than the minor: their names are reduced and their
/// phones and employers removed, keeping relationship and place for statistics.
/// </summary>
public sealed class RemoveFamilyPersonalData : IPersonalDataStep
{
    public async Task ApplyAsync(ICasesDbContext db, Case file, AnonymisedName name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        foreach (var member in await db.FamilyMembers.Where(m => m.CaseId == file.Id).ToListAsync(ct))
        {
            member.Name = ChineseNames.Reduce(member.Name);
            member.Phone = null;
            member.Employer = null;
        }
        foreach (var change in await db.FamilyChanges.Where(c => c.CaseId == file.Id).ToListAsync(ct))
            change.Changes = "—";
    }
}
