using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding.RecordExpenditure;

/// <summary>
/// Records money spent from a budget line, optionally for one case (which must be in the caller's scope). Administrators
/// anywhere, supervisors on lines of their unit. A line is never overspent: 409 with what remains.
/// </summary>
public sealed record RecordExpenditure(long? BudgetLineId, decimal? Amount, string? Purpose, string? CaseId, string? SpentOn)
    : ICommand<ExpenditureItem>;

public sealed record ExpenditureItem(long Id, long BudgetLineId, string BudgetLineName, decimal Amount, string Purpose, string? CaseId,
    string? FileNumber, long? SubsidyId, DateOnly SpentOn, string? RecordedByUserId, DateTime CreatedAtUtc);

public sealed class RecordExpenditureHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RecordExpenditure, ExpenditureItem>
{
    /// <summary>How far back an expenditure may be dated.</summary>
    public const int MaxYearsBack = 10;

    public async ValueTask<ExpenditureItem> Handle(RecordExpenditure command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministratorOrSupervisor(user);
        var @case = string.IsNullOrWhiteSpace(command.CaseId) ? null : await db.LoadInScopeAsync(command.CaseId.Trim(), CaseScope.For(user, tree), cancellationToken);
        var errors = new InputErrors();
        BudgetLine? line = null;
        if (command.BudgetLineId is not { } lineId) errors.Required("budgetLineId");
        else if ((line = await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lineId, cancellationToken)) is null)
            errors.Add("budgetLineId", UseCaseStrings.Format("Funding_LineUnknown", lineId));
        var amount = Money.Check(errors, "amount", command.Amount);
        var purpose = errors.Text("purpose", command.Purpose, 500, required: true);
        var today = DistrictCalendar.Today(time);
        var spentOn = today;
        if (!string.IsNullOrWhiteSpace(command.SpentOn)
            && (!DateOnly.TryParseExact(command.SpentOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out spentOn) || spentOn > today))
            errors.Add("spentOn", UseCaseStrings.Format("HelpRecord_DateInvalid"));
        // Spending is recorded as it happens: a date decades back (0001-01-01) is a slip (issue 13).
        else if (spentOn < today.AddYears(-MaxYearsBack))
            errors.Add("spentOn", InputErrors.Message("Expr_Date_TooEarly", "spentOn", today.AddYears(-MaxYearsBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        errors.ThrowIfAny();
        UnitReach.Ensure(user, tree, line!.OrgUnitId);

        // Balance check and insert under the line's row lock: two expenditures at once cannot overspend the line.
        await db.LockRowAsync<BudgetLine>(line.Id, cancellationToken);
        var remaining = await FundingLedger.RemainingAsync(db, line, cancellationToken);
        if (amount!.Value > remaining)
            throw new ConflictException(UseCaseStrings.Format("Funding_Overspend", line.Name, Money.Text(remaining), Money.Text(amount.Value)),
                new Dictionary<string, object?> { ["remaining"] = remaining });

        var expenditure = new Expenditure
        {
            BudgetLineId = line.Id, Amount = amount.Value, Purpose = purpose!, CaseId = @case?.Id, SpentOn = spentOn,
            RecordedByUserId = user.UserId, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Expenditures.Add(expenditure);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.ExpenditureCreate, @case is null ? nameof(Expenditure) : nameof(Case),
            @case?.Id ?? expenditure.Id.ToString(CultureInfo.InvariantCulture),
            $"expenditure {expenditure.Id.ToString(CultureInfo.InvariantCulture)}: {Money.Text(expenditure.Amount)} from line {line.Id.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        return new ExpenditureItem(expenditure.Id, line.Id, line.Name, expenditure.Amount, expenditure.Purpose, @case?.Id, @case?.FileNumber, null,
            spentOn, user.UserId, expenditure.CreatedAtUtc);
    }
}
