using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Helpers.UpdateHelper;

/// <summary>
/// Replaces a helper's details; <paramref name="Active"/> false retires them from the pool (their history and current
/// assignments stay; new assignments are refused). The editor must reach both the old and the new unit.
/// </summary>
public sealed record UpdateHelper(long HelperId, string? Name, string? Kind, string? OrgUnitId, string? TeamName, string? Phone, string? Specialty,
    bool? Active) : ICommand<HelperItem>;

public sealed class UpdateHelperHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<UpdateHelper, HelperItem>
{
    public async ValueTask<HelperItem> Handle(UpdateHelper command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministratorOrSupervisor(user);
        var helper = await db.Helpers.FirstOrDefaultAsync(h => h.Id == command.HelperId, cancellationToken)
                     ?? throw new NotFoundException(UseCaseStrings.Format("Helper_NotFound", command.HelperId));
        HelperInput.EnsureMayKeep(user, tree, helper.OrgUnitId);
        var input = HelperInput.Check(command.Name, command.Kind, command.OrgUnitId, command.TeamName, command.Phone, command.Specialty, tree, helper.OrgUnitId);
        HelperInput.EnsureMayKeep(user, tree, input.OrgUnitId);

        input.ApplyTo(helper);
        if (command.Active is { } active) helper.Active = active;
        AuditLog.Add(db, user, time, AuditActions.HelperUpdate, nameof(Helper), helper.Id.ToString(CultureInfo.InvariantCulture),
            $"{helper.Kind} {helper.Name}{(helper.Active ? "" : " (inactive)")}");
        await db.SaveChangesAsync(cancellationToken);
        var workload = await HelperWorkload.ForAsync(db, [helper.Id], time.GetUtcNow().UtcDateTime, cancellationToken);
        return HelperItem.Of(helper, workload[helper.Id], tree);
    }
}
