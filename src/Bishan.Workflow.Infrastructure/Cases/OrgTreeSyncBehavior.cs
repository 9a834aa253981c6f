using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Transactions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// Before every use case (API, pages, jobs): brings this node's <see cref="OrgTree"/> up to date when the organisation
/// was edited since it was loaded, on this node or another one sharing the database. One primary-key read of
/// <c>OrgTreeStamps</c> when nothing changed; the units are read again only when the version moved.
/// </summary>
public sealed class OrgTreeSyncBehavior<TMessage, TResponse>(IDbContextFactory<BishanDbContext> dbs, OrgTree tree)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Inside a unit of work (a use case called from another) the read joins its transaction.
        await using (var lease = await ContextLease.OpenAsync(dbs, cancellationToken))
            await OrgUnitStore.EnsureCurrentAsync(lease.Db, tree, cancellationToken);
        return await next(message, cancellationToken);
    }
}
