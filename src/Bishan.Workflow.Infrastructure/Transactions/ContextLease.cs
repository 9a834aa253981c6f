using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Transactions;

/// <summary>
/// A context for a read: the use case's own inside a unit of work (so the read sees what the use case wrote so far, such
/// as a refused pass's incident), otherwise a fresh one from the pool, disposed with the lease.
/// </summary>
internal readonly struct ContextLease(BishanDbContext db, bool owned) : IAsyncDisposable
{
    public BishanDbContext Db => db;

    public static async ValueTask<ContextLease> OpenAsync(IDbContextFactory<BishanDbContext> factory, CancellationToken ct) =>
        UnitOfWork.Current is { } unitOfWork
            ? new ContextLease(unitOfWork.Db, owned: false)
            : new ContextLease(await factory.CreateDbContextAsync(ct), owned: true);

    public ValueTask DisposeAsync() => owned ? db.DisposeAsync() : ValueTask.CompletedTask;
}
