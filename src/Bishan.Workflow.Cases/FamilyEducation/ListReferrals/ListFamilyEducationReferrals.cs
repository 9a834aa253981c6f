using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.ListReferrals;

/// <summary>
/// The referrals the caller may see (a sub-centre its own, the centre all, others those of the cases in their scope), newest
/// first, optionally one case's or one status's. Lists name the minor and school only: no ID number, no phone.
/// </summary>
public sealed record ListFamilyEducationReferrals(string? CaseId = null, string? Status = null) : IQuery<IReadOnlyList<FamilyEducationReferralItem>>;

public sealed record FamilyEducationReferralItem(string Id, string CaseId, string FileNumber, string MinorName, string SchoolName, string SubCentreId,
    string SubCentreName, FamilyEducationStatus Status, string StatusLabel, DateOnly ReferredOn, int Sessions);

public sealed class ListFamilyEducationReferralsHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree)
    : IQueryHandler<ListFamilyEducationReferrals, IReadOnlyList<FamilyEducationReferralItem>>
{
    public async ValueTask<IReadOnlyList<FamilyEducationReferralItem>> Handle(ListFamilyEducationReferrals query, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var status = errors.Enum<FamilyEducationStatus>("status", query.Status);
        errors.ThrowIfAny();
        var referrals = FamilyEducationAccess.Visible(db, user, tree);
        if (!string.IsNullOrWhiteSpace(query.CaseId)) referrals = referrals.Where(r => r.CaseId == query.CaseId);
        if (status is { } s) referrals = referrals.Where(r => r.Status == s);
        var rows = await (from r in referrals
                          join c in db.Cases.AsNoTracking() on r.CaseId equals c.Id
                          select new { r, c.FileNumber, c.Name, c.OrgUnitId }).ToListAsync(cancellationToken);
        var ids = rows.Select(x => x.r.Id).ToList();
        var sessions = (await db.FamilyEducationSessions.AsNoTracking().Where(x => ids.Contains(x.ReferralId)).Select(x => x.ReferralId).ToListAsync(cancellationToken))
            .CountBy(x => x).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        return [.. rows.OrderByDescending(x => x.r.ReferredAtUtc).Select(x => new FamilyEducationReferralItem(x.r.Id, x.r.CaseId, x.FileNumber, x.Name,
            FamilyEducationReferralView.UnitName(tree, x.OrgUnitId), x.r.SubCentreId, FamilyEducationReferralView.UnitName(tree, x.r.SubCentreId), x.r.Status,
            DomainLabels.For(x.r.Status), x.r.ReferredOn, sessions.GetValueOrDefault(x.r.Id)))];
    }
}
