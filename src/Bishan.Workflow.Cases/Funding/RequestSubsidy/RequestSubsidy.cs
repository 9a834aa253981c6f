using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding.RequestSubsidy;

/// <summary>
/// The case's caseworker asks for a subsidy to the minor's family (帮扶家庭补助) from a budget line: a <see cref="Subsidy"/>
/// (Requested) and the <c>subsidy-approval</c> workflow, whose approval by the coordinating body's supervisor is the only
/// way the subsidy is approved and the money spent (<c>Bishan.DecideSubsidy</c>, gated). A request the line cannot cover
/// is refused at once (409); the approval checks the line again.
/// </summary>
public sealed record RequestSubsidy(string CaseId, decimal? Amount, string? Reason, long? BudgetLineId) : ICommand<SubsidyRequested>;

public sealed record SubsidyRequested(string CaseId, long SubsidyId, string WorkflowInstanceId);

public sealed class RequestSubsidyHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, CaseWorkflows workflows, TimeProvider time)
    : ICommandHandler<RequestSubsidy, SubsidyRequested>
{
    public const int MaxReasonLength = 2000;

    public async ValueTask<SubsidyRequested> Handle(RequestSubsidy command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        EnsureCaseworker(@case);
        var errors = new InputErrors();
        var amount = Money.Check(errors, "amount", command.Amount);
        var reason = errors.Text("reason", command.Reason, MaxReasonLength, required: true);
        BudgetLine? line = null;
        if (command.BudgetLineId is not { } lineId) errors.Required("budgetLineId");
        else if ((line = await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lineId, cancellationToken)) is null)
            errors.Add("budgetLineId", UseCaseStrings.Format("Funding_LineUnknown", lineId));
        errors.ThrowIfAny();
        if (@case.Status is not (CaseStatus.Registered or CaseStatus.ExitEvaluation or CaseStatus.FollowUp))
            throw new ConflictException(UseCaseStrings.Format("Case_NotRegistered", @case.FileNumber, DomainLabels.For(@case.Status)));
        var remaining = await FundingLedger.RemainingAsync(db, line!, cancellationToken);
        if (amount!.Value > remaining)
            throw new ConflictException(UseCaseStrings.Format("Funding_Overspend", line!.Name, Money.Text(remaining), Money.Text(amount.Value)),
                new Dictionary<string, object?> { ["remaining"] = remaining });
        await workflows.EnsurePublishedAsync(CaseWorkflows.SubsidyApproval, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var subsidy = new Subsidy
        {
            CaseId = @case.Id, Amount = amount.Value, Reason = reason!, Status = SubsidyStatus.Requested, RequestedByUserId = user.UserId,
            RequestedAtUtc = now, BudgetLineId = line!.Id,
        };
        db.Subsidies.Add(subsidy);
        var entry = db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Subsidy, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_SubsidyRequested", Money.Text(amount.Value), line.Name, reason),
        }).Entity;
        AuditLog.Add(db, user, time, AuditActions.SubsidyRequest, nameof(Case), @case.Id, $"{Money.Text(amount.Value)} from line {line.Id}");
        await db.SaveChangesAsync(cancellationToken);

        var instanceId = await workflows.StartForRequestAsync(db, user, time, CaseWorkflows.SubsidyApproval, @case.Id,
            new Dictionary<string, JsonNode?>
            {
                ["caseId"] = @case.Id,
                ["subsidyId"] = subsidy.Id.ToString(CultureInfo.InvariantCulture),
                ["amount"] = Money.Text(amount.Value),
                ["reason"] = reason,
                ["budgetLine"] = line.Name,
            },
            () =>
            {
                db.TimelineEntries.Remove(entry);
                db.Subsidies.Remove(subsidy);
            }, cancellationToken);
        subsidy.InstanceId = instanceId;
        await db.SaveChangesAsync(cancellationToken);
        return new SubsidyRequested(@case.Id, subsidy.Id, instanceId);
    }

    /// <summary>The case's responsible caseworker; for a case without one, a caseworker of its school or community.</summary>
    private void EnsureCaseworker(Case @case)
    {
        var mayAsk = user.IsInRole(Roles.Caseworker)
                     && (Permissions.IsCaseworkerOf(user, @case)
                         || (@case.CaseworkerUserId is null && string.Equals(user.OrgUnitId, @case.OrgUnitId, StringComparison.Ordinal)));
        if (!mayAsk) throw new ForbiddenException(UseCaseStrings.Format("Subsidy_CaseworkerOnly", @case.FileNumber));
    }
}
