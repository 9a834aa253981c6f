using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.CaseFiles.RevealIdNumber;

/// <summary>
/// The whole ID number of a case, for a user who asks to see it on purpose. The case file shows it masked even to those
/// allowed to see it (a school PC is often shared); revealing it is a separate, audited act.
/// </summary>
public sealed record RevealIdNumber(string CaseId) : ICommand<string?>;

public sealed class RevealIdNumberHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RevealIdNumber, string?>
{
    /// <exception cref="ForbiddenException">The user may read the case but not see its whole ID number.</exception>
    public async ValueTask<string?> Handle(RevealIdNumber command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        if (!Permissions.MaySeeWholeIdNumber(user, @case)) throw new ForbiddenException(UseCaseStrings.Format("IdNumber_MayNotReveal"));
        AuditLog.Add(db, user, time, AuditActions.IdNumberReveal, nameof(Case), @case.Id);
        await db.SaveChangesAsync(cancellationToken);
        return @case.IdNumber;
    }
}
