using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Incidents.GetIncident;

/// <summary>
/// One incident with its linked case. 404 when it does not exist, 403 when the reader may not read it. When a case is linked,
/// the read is audited on that case (<c>incident.read</c>, entity <c>Case</c>) like a case-file read, and the file number is
/// shown only to a reader whose case scope covers the case (otherwise only that there is one).
/// </summary>
public sealed record GetIncident(long Id) : IQuery<IncidentDetail>;

public sealed class GetIncidentHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetIncident, IncidentDetail>
{
    public async ValueTask<IncidentDetail> Handle(GetIncident query, CancellationToken cancellationToken)
    {
        var id = query.Id.ToString(CultureInfo.InvariantCulture);
        var incident = await db.IncidentReports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.Id, cancellationToken)
                       ?? throw new NotFoundException(UseCaseStrings.Format("Incidents_NotFound", id));
        if (!IncidentAccess.MayRead(user, tree)) throw new ForbiddenException(UseCaseStrings.Format("Incidents_ReadForbidden"));
        if (!await IncidentAccess.Readable(db.IncidentReports, user, tree).AnyAsync(i => i.Id == query.Id, cancellationToken))
            throw new ForbiddenException(UseCaseStrings.Format("Incidents_NotYours", id));

        string? fileNumber = null;
        if (incident.CaseId is { } caseId)
        {
            var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            var covered = @case is not null && CaseScope.For(user, tree).Covers(@case);
            fileNumber = covered ? @case!.FileNumber : null;
            AuditLog.Add(db, user, time, AuditActions.IncidentRead, nameof(Case), caseId,
                $"incident {id}: {(covered ? "case shown" : "case out of scope, not shown")}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return IncidentDetail.From(incident, tree, fileNumber, withCase: fileNumber is not null);
    }
}
