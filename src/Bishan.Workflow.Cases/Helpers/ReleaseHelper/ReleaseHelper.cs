using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Helpers.ReleaseHelper;

/// <summary>
/// Takes a helper off a case's team. The assignment is released, not deleted: the file keeps who helped and when, and the
/// helper's workload stops counting the case.
/// </summary>
public sealed record ReleaseHelper(string CaseId, long HelperId) : ICommand<Unit>;

public sealed class ReleaseHelperHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<ReleaseHelper, Unit>
{
    public async ValueTask<Unit> Handle(ReleaseHelper command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        Permissions.EnsureMayManageTeam(user, @case);
        var assignments = await db.CaseHelpers.Where(ch => ch.CaseId == @case.Id && ch.HelperId == command.HelperId && ch.ReleasedAtUtc == null)
            .ToListAsync(cancellationToken);
        if (assignments.Count == 0)
            throw new NotFoundException(UseCaseStrings.Format("Team_NotOnTeam", command.HelperId, @case.FileNumber));
        var helper = await db.Helpers.AsNoTracking().FirstAsync(h => h.Id == command.HelperId, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var assignment in assignments) assignment.ReleasedAtUtc = now;
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Helper, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_HelperReleased", helper.Name, DomainLabels.For(helper.Kind, DomainCultures.Chinese)),
        });
        AuditLog.Add(db, user, time, AuditActions.TeamRelease, nameof(Case), @case.Id, $"helper {helper.Id.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
