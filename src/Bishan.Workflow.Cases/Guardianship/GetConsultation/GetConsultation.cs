using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Guardianship.GetConsultation;

/// <summary>One consultation (404, 403 outside scope), audited as a read of the minor's data.</summary>
public sealed record GetConsultation(long ConsultationId) : IQuery<ConsultationView>;

public sealed class GetConsultationHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetConsultation, ConsultationView>
{
    public async ValueTask<ConsultationView> Handle(GetConsultation query, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayRead(user);
        return await ConsultationView.LoadAsync(db, user, tree, time, query.ConsultationId, audit: true, cancellationToken);
    }
}
