using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Helpers.CreateHelper;

/// <summary>Adds a person or team to the resource pool: administrators anywhere, supervisors within their unit (<see cref="HelperInput.EnsureMayKeep"/>).</summary>
public sealed record CreateHelper(string? Name, string? Kind, string? OrgUnitId, string? TeamName, string? Phone, string? Specialty)
    : ICommand<HelperItem>;

public sealed class CreateHelperHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : ICommandHandler<CreateHelper, HelperItem>
{
    public async ValueTask<HelperItem> Handle(CreateHelper command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministratorOrSupervisor(user);
        var input = HelperInput.Check(command.Name, command.Kind, command.OrgUnitId, command.TeamName, command.Phone, command.Specialty, tree);
        HelperInput.EnsureMayKeep(user, tree, input.OrgUnitId);

        var helper = new Helper();
        input.ApplyTo(helper);
        db.Helpers.Add(helper);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.HelperCreate, nameof(Helper), helper.Id.ToString(CultureInfo.InvariantCulture), $"{helper.Kind} {helper.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return HelperItem.Of(helper, new HelperWorkload(0, 0), tree);
    }
}
