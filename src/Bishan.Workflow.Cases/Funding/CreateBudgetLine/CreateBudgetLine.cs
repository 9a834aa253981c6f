using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Funding.ListBudgetLines;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Funding.CreateBudgetLine;

/// <summary>Opens a budget line of a unit for a year (administrators).</summary>
public sealed record CreateBudgetLine(int? Year, string? Name, string? OrgUnitId, decimal? Amount, string? Notes) : ICommand<BudgetLineItem>;

public sealed class CreateBudgetLineHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<CreateBudgetLine, BudgetLineItem>
{
    public async ValueTask<BudgetLineItem> Handle(CreateBudgetLine command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var errors = new InputErrors();
        if (command.Year is not (>= 2000 and <= 2100)) errors.Add("year", UseCaseStrings.Format("Funding_YearInvalid"));
        var name = errors.Text("name", command.Name, 200, required: true);
        var unit = errors.Text("orgUnitId", command.OrgUnitId, 64, required: true);
        var found = unit is null ? null : tree.Find(unit);
        if (unit is not null && found is null) errors.Add("orgUnitId", UseCaseStrings.Format("Referral_OrgUnitUnknown", unit));
        if (found is { Retired: true }) errors.Add("orgUnitId", UseCaseStrings.Format("OrgUnitRetiredNoNewWork", found.Name));
        var amount = Money.Check(errors, "amount", command.Amount);
        var notes = errors.Text("notes", command.Notes, 1000);
        errors.ThrowIfAny();

        var line = new BudgetLine { Year = command.Year!.Value, Name = name!, OrgUnitId = unit!, Amount = amount!.Value, Notes = notes };
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.BudgetLineCreate, nameof(BudgetLine), line.Id.ToString(CultureInfo.InvariantCulture),
            $"{line.Year} {line.Name} {Money.Text(line.Amount)}");
        await db.SaveChangesAsync(cancellationToken);
        return new BudgetLineItem(line.Id, line.Year, line.Name, line.OrgUnitId, tree.Find(line.OrgUnitId)?.Name, line.Amount, 0m, line.Amount, line.Notes);
    }
}
