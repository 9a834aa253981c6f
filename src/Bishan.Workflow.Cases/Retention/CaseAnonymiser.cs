using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Retention;

/// <summary>
/// Runs every <see cref="IPersonalDataStep"/> on one expired file, marks it anonymised and says so on its timeline. The
/// register figures do not change: status, action, tier, area, dates of registration and exit and the periods stay.
/// </summary>
public sealed class CaseAnonymiser(IEnumerable<IPersonalDataStep> steps)
{
    public async Task AnonymiseAsync(ICasesDbContext db, Case @case, DateTime nowUtc, CancellationToken ct)
    {
        var name = new AnonymisedName(@case.Name, ChineseNames.Reduce(@case.Name));
        foreach (var step in steps) await step.ApplyAsync(db, @case, name, ct);
        @case.AnonymisedAtUtc = nowUtc;
        @case.UpdatedAtUtc = nowUtc;
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id,
            AtUtc = nowUtc,
            Kind = TimelineKind.Note,
            Text = UseCaseStrings.Record("Retention_TimelineAnonymised"),
        });
    }
}
