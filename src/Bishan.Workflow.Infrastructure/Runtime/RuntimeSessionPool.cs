using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Idle <see cref="RuntimeSession"/>s for the runtime's calls. A call rents one (or opens a new one when none is
/// idle, so concurrent callers never share a session), and the lease hands it back when the call ends, unless it
/// is no longer clean (a transaction left open, a broken connection): then it is closed instead. At most
/// <see cref="MaxIdle"/> sessions stay open while idle; all of them are closed when the container is disposed.
/// </summary>
internal sealed class RuntimeSessionPool(IDbContextFactory<BishanDbContext> factory) : IAsyncDisposable, IDisposable
{
    internal const int MaxIdle = 8;

    private readonly Stack<RuntimeSession> _idle = new();
    private bool _disposed;

    internal int IdleCount
    {
        get { lock (_idle) return _idle.Count; }
    }

    public async ValueTask<Lease> RentAsync(CancellationToken ct)
    {
        // Inside a use case the runtime works in the use case's transaction.
        if (Transactions.UnitOfWork.Current is { } unitOfWork) return new Lease(this, unitOfWork.Session);

        RuntimeSession? session = null;
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _idle.TryPop(out session);
        }
        if (session is null) return new Lease(this, await RuntimeSession.OpenAsync(factory, ct));
        session.Reset();
        return new Lease(this, session);
    }

    private async ValueTask ReturnAsync(RuntimeSession session)
    {
        if (session.IsAmbient) return;
        if (session.IsReusable)
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(session);
                    return;
                }
            }
        }
        await session.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in TakeAllIdle()) await session.DisposeAsync();
    }

    /// <summary>For containers disposed synchronously.</summary>
    public void Dispose()
    {
        foreach (var session in TakeAllIdle()) session.Dispose();
    }

    private RuntimeSession[] TakeAllIdle()
    {
        lock (_idle)
        {
            _disposed = true;
            RuntimeSession[] idle = [.. _idle];
            _idle.Clear();
            return idle;
        }
    }

    /// <summary>One call's use of a session; disposing it hands the session back.</summary>
    internal readonly struct Lease(RuntimeSessionPool pool, RuntimeSession session) : IAsyncDisposable
    {
        public RuntimeSession Session => session;

        public ValueTask DisposeAsync() => pool.ReturnAsync(session);
    }
}
