using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Helpers.AssignHelper;

/// <summary>
/// Puts a helper of the pool on a case's helper team (帮扶团队), as <c>Lead</c> (组长), <c>Member</c> (default) or another
/// short role. Only for a case still being worked with; by <see cref="Permissions.MayManageTeam"/>.
/// </summary>
public sealed record AssignHelper(string CaseId, long? HelperId, string? Role) : ICommand<TeamAssignment>;

public sealed record TeamAssignment(string CaseId, long HelperId, string Name, HelperKind Kind, string Role, DateTime AssignedAtUtc);

public sealed class AssignHelperHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<AssignHelper, TeamAssignment>
{
    public const string DefaultRole = "Member";
    public const int MaxRoleLength = 32;

    public async ValueTask<TeamAssignment> Handle(AssignHelper command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        Permissions.EnsureMayManageTeam(user, @case);
        var errors = new InputErrors();
        var role = errors.Text("role", command.Role, MaxRoleLength) ?? DefaultRole;
        Helper? helper = null;
        if (command.HelperId is not { } helperId) errors.Required("helperId");
        else if ((helper = await db.Helpers.AsNoTracking().FirstOrDefaultAsync(h => h.Id == helperId, cancellationToken)) is null)
            errors.Add("helperId", UseCaseStrings.Format("HelpRecord_HelperUnknown", helperId));
        else if (!helper.Active) errors.Add("helperId", UseCaseStrings.Format("Helper_Inactive", helper.Name));
        errors.ThrowIfAny();
        if (@case.Status is CaseStatus.Closed or CaseStatus.Rejected)
            throw new ConflictException(UseCaseStrings.Format("Team_CaseNotOpen", @case.FileNumber, DomainLabels.For(@case.Status)));
        if (await db.CaseHelpers.AnyAsync(ch => ch.CaseId == @case.Id && ch.HelperId == helper!.Id && ch.ReleasedAtUtc == null, cancellationToken))
            throw new ConflictException(UseCaseStrings.Format("Team_AlreadyOnTeam", helper!.Name, @case.FileNumber));

        var now = time.GetUtcNow().UtcDateTime;
        db.CaseHelpers.Add(new CaseHelper { CaseId = @case.Id, HelperId = helper!.Id, Role = role, AssignedAtUtc = now });
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Helper, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_HelperAssigned", helper.Name, DomainLabels.For(helper.Kind, DomainCultures.Chinese), TeamRoles.Label(role)),
        });
        AuditLog.Add(db, user, time, AuditActions.TeamAssign, nameof(Case), @case.Id,
            $"helper {helper.Id.ToString(CultureInfo.InvariantCulture)} as {role}");
        await db.SaveChangesAsync(cancellationToken);
        return new TeamAssignment(@case.Id, helper.Id, helper.Name, helper.Kind, role, now);
    }
}
