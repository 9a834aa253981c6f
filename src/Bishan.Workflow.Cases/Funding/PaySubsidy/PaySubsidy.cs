using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Funding.PaySubsidy;

/// <summary>
/// Marks an approved subsidy paid (administrators, who hand the money over). The expenditure was recorded when it was
/// approved; paying only closes it. A subsidy not approved (still requested, rejected, withdrawn, already paid) is a 409.
/// </summary>
public sealed record PaySubsidy(long SubsidyId) : ICommand<SubsidyState>;

public sealed class PaySubsidyHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<PaySubsidy, SubsidyState>
{
    public async ValueTask<SubsidyState> Handle(PaySubsidy command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var subsidy = await db.Subsidies.FirstOrDefaultAsync(s => s.Id == command.SubsidyId, cancellationToken)
                      ?? throw new NotFoundException(UseCaseStrings.Format("Subsidy_NotFound", command.SubsidyId));
        if (subsidy.Status != SubsidyStatus.Approved)
            throw new ConflictException(UseCaseStrings.Format("Subsidy_NotApproved", subsidy.Id, DomainLabels.For(subsidy.Status)));

        var now = time.GetUtcNow().UtcDateTime;
        subsidy.Status = SubsidyStatus.Paid;
        subsidy.PaidAtUtc = now;
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = subsidy.CaseId, AtUtc = now, Kind = TimelineKind.Subsidy, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_SubsidyPaid", Money.Text(subsidy.Amount)),
        });
        AuditLog.Add(db, user, time, AuditActions.SubsidyPay, nameof(Case), subsidy.CaseId,
            $"subsidy {subsidy.Id.ToString(CultureInfo.InvariantCulture)}: {Money.Text(subsidy.Amount)}");
        await db.SaveChangesAsync(cancellationToken);
        return SubsidyState.Of(subsidy);
    }
}
