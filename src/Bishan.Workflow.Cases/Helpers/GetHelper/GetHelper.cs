using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Helpers.GetHelper;

/// <summary>
/// One helper with their workload and the cases they are on that the caller may see (the workload counts all of them).
/// Listing minors by name is a read of their data, so it is audited.
/// </summary>
public sealed record GetHelper(long HelperId) : IQuery<HelperDetail>;

public sealed record HelperDetail(HelperItem Helper, IReadOnlyList<HelperCase> Cases);

public sealed record HelperCase(string CaseId, string FileNumber, string Name, CaseStatus Status, FiveAction? PrimaryAction, Tier? Tier,
    string Role, DateTime AssignedAtUtc);

public sealed class GetHelperHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : IQueryHandler<GetHelper, HelperDetail>
{
    public async ValueTask<HelperDetail> Handle(GetHelper query, CancellationToken cancellationToken)
    {
        var helper = await db.Helpers.AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.HelperId, cancellationToken)
                     ?? throw new NotFoundException(UseCaseStrings.Format("Helper_NotFound", query.HelperId));
        var visible = CaseScope.For(user, tree).Apply(db.Cases.AsNoTracking());
        var cases = await (from ch in db.CaseHelpers.AsNoTracking()
                           join c in visible on ch.CaseId equals c.Id
                           where ch.HelperId == helper.Id && ch.ReleasedAtUtc == null
                           select new { c.Id, c.FileNumber, c.Name, c.Status, c.PrimaryAction, c.Tier, ch.Role, ch.AssignedAtUtc }).ToListAsync(cancellationToken);
        var workload = await HelperWorkload.ForAsync(db, [helper.Id], time.GetUtcNow().UtcDateTime, cancellationToken);

        if (cases.Count > 0)
        {
            AuditLog.Add(db, user, time, AuditActions.HelperRead, nameof(Helper), helper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"cases shown: {cases.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return new HelperDetail(HelperItem.Of(helper, workload[helper.Id], tree),
            [.. cases.OrderBy(c => c.AssignedAtUtc).ThenBy(c => c.FileNumber, StringComparer.Ordinal)
                .Select(c => new HelperCase(c.Id, c.FileNumber, c.Name, c.Status, c.PrimaryAction, c.Tier, c.Role, c.AssignedAtUtc))]);
    }
}
