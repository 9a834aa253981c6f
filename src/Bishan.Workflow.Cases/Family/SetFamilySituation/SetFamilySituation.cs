using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Family.SetFamilySituation;

/// <summary>Sets the guardianship situation (监护状况) and the household's support (家庭救助情况); the history keeps the old values.</summary>
public sealed record SetFamilySituation(string CaseId, string? Situation, string? Support) : ICommand<FamilyView>;

public sealed class SetFamilySituationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<SetFamilySituation, FamilyView>
{
    public async ValueTask<FamilyView> Handle(SetFamilySituation command, CancellationToken cancellationToken)
    {
        var @case = await FamilyAccess.LoadForChangeAsync(db, user, tree, command.CaseId, cancellationToken);
        var errors = new InputErrors();
        var situation = FamilyMemberChecks.Choice<GuardianshipSituation>(errors, "", "situation", command.Situation, required: true);
        var support = FamilyMemberChecks.Choice<HouseholdSupport>(errors, "", "support", command.Support, required: true);
        errors.ThrowIfAny();
        var changes = await ApplyAsync(db, @case.Id, situation!.Value, support!.Value, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (changes is null) throw new ConflictException(UseCaseStrings.Format("Family_NothingChanged"));
        FamilyAccess.Record(db, user, time, @case, AuditActions.FamilyChange, changes);
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyView.LoadAsync(db, @case.Id, true, Permissions.MaySeeWholeIdNumber(user, @case), cancellationToken);
    }

    /// <summary>Writes the values; returns the history line, or null when both were already so.</summary>
    public static async Task<string?> ApplyAsync(ICasesDbContext db, string caseId, GuardianshipSituation situation, HouseholdSupport support,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.CaseFamilies.FirstOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (row is null) db.CaseFamilies.Add(row = new CaseFamily { CaseId = caseId });
        else if (row.Situation == situation && row.Support == support) return null;
        var lines = new List<string>();
        if (row.Situation != situation)
            lines.Add(UseCaseStrings.Record("FamilyHistory_Change", UseCaseStrings.Record("FieldLabel_situation"),
                row.Situation is { } s ? FamilyHistoryText.Label(s) : "—", FamilyHistoryText.Label(situation)));
        if (row.Support != support)
            lines.Add(UseCaseStrings.Record("FamilyHistory_Change", UseCaseStrings.Record("FieldLabel_support"),
                row.Support is { } p ? FamilyHistoryText.Label(p) : "—", FamilyHistoryText.Label(support)));
        row.Situation = situation;
        row.Support = support;
        row.UpdatedAtUtc = nowUtc;
        return string.Join("；", lines);
    }
}
