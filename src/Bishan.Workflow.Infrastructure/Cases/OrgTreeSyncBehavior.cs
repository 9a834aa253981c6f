using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Transactions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Cases;

/// <summary>
/// Before every use case (API, pages, jobs): brings this node's <see cref="OrgTree"/> up to date when the organisation
/// was edited since it was loaded, on this node or another one sharing the database. One primary-key read of
/// <c>OrgTreeStamps</c> when nothing changed; none for a query whose request read the version with the caller's account
/// (<see cref="RequestStamps"/>); the units are read again only when the version moved. A command makes the scope forget
/// the versions read with the account: it may change the organisation or the cases, and what follows reads afresh.
/// </summary>
public sealed class OrgTreeSyncBehavior<TMessage, TResponse>(IDbContextFactory<BishanDbContext> dbs, OrgTree tree, RequestStamps stamps)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // The version read with the caller's account moments ago serves a command as well as a read here would: this
        // check runs before the command's transaction either way. Forgotten first, so nested use cases read afresh.
        var offered = stamps.OrgTreeVersion;
        if (message is not IBaseQuery) stamps.Forget();
        if (offered is { } version && version == tree.Version) return await next(message, cancellationToken);
        // Inside a unit of work (a use case called from another) the read joins its transaction.
        await using (var lease = await ContextLease.OpenAsync(dbs, cancellationToken))
            await OrgUnitStore.EnsureCurrentAsync(lease.Db, tree, cancellationToken);
        return await next(message, cancellationToken);
    }
}
