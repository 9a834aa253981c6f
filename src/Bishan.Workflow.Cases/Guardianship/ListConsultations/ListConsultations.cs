using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.ListConsultations;

/// <summary>
/// Consultations, newest first: all of them for 区民政局 and administrators, else those of cases in the reader's scope;
/// <c>caseId</c> narrows to one case (the 家庭 tab), <c>open</c> to those not closed.
/// </summary>
public sealed record ListConsultations(string? CaseId = null, bool OpenOnly = false) : IQuery<ConsultationList>;

public sealed record ConsultationItem(long Id, string CaseId, string FileNumber, string MinorName, GuardianshipConsultationStatus Status,
    FamilyRelationship? Parent, DateTime ProposedAtUtc, DateOnly? PlannedOn, GuardianshipOutcome? Outcome);

public sealed record ConsultationList(IReadOnlyList<ConsultationItem> Items, bool MayKeep);

public sealed class ListConsultationsHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree) : IQueryHandler<ListConsultations, ConsultationList>
{
    public const int MaxItems = 500;

    public async ValueTask<ConsultationList> Handle(ListConsultations query, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayRead(user);
        var keeper = GuardianshipAccess.MayKeep(user);
        var cases = keeper ? db.Cases.AsNoTracking() : CaseScope.For(user, tree).Apply(db.Cases.AsNoTracking());
        var consultations = db.GuardianshipConsultations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.CaseId)) consultations = consultations.Where(c => c.CaseId == query.CaseId);
        if (query.OpenOnly) consultations = consultations.Where(c => c.Status != GuardianshipConsultationStatus.Closed);
        var rows = await (from c in consultations
                          join k in cases on c.CaseId equals k.Id
                          join m in db.FamilyMembers.AsNoTracking() on c.ParentMemberId equals m.Id into parents
                          from m in parents.DefaultIfEmpty()
                          orderby c.Id descending
                          select new ConsultationItem(c.Id, c.CaseId, k.FileNumber, k.Name, c.Status, m == null ? null : m.Relationship,
                              c.ProposedAtUtc, c.PlannedOn, c.Outcome))
            .Take(MaxItems).ToListAsync(cancellationToken);
        return new ConsultationList(rows, keeper);
    }
}
