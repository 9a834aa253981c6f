using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Criteria.GetCriteria;

/// <summary>
/// The entry and exit criteria catalogues (入库标准、出库条件), current version and history per action, optionally for one
/// kind. Anyone signed in with a role reads them (caseworkers judge by them; they hold no personal data); only
/// administrators publish (<see cref="PublishCriteria.PublishCriteria"/>).
/// </summary>
public sealed record GetCriteria(string? Kind) : IQuery<IReadOnlyList<CriteriaCatalogView>>;

public sealed class GetCriteriaHandler(ICasesDbContext db, ICurrentUser user, CriteriaCatalogs catalogs, TimeProvider time)
    : IQueryHandler<GetCriteria, IReadOnlyList<CriteriaCatalogView>>
{
    public async ValueTask<IReadOnlyList<CriteriaCatalogView>> Handle(GetCriteria query, CancellationToken cancellationToken)
    {
        if (!Roles.All.Any(user.IsInRole)) throw new ForbiddenException(Localization.UseCaseStrings.Format("Role_ReadOnly"));
        var errors = new InputErrors();
        var kind = errors.Enum<CriteriaKind>("kind", query.Kind);
        errors.ThrowIfAny();
        var kinds = kind is { } one ? [one] : Enum.GetValues<CriteriaKind>();
        var versions = await db.CriteriaVersions.AsNoTracking().ToListAsync(cancellationToken);
        var staff = await Workflow.StaffDirectory.LoadAsync(db, cancellationToken);
        string? NameOf(string? id) => id is null ? null : staff.NameOf(id);
        var now = time.GetUtcNow().UtcDateTime;
        return kinds.SelectMany(k => Enum.GetValues<FiveAction>().Select(a => CriteriaCatalogView.Of(k, a,
                versions.Where(v => v.Kind == k && v.Action == a).ToList(), catalogs.DefaultVersion(k, a, now), NameOf)))
            .ToList();
    }
}
