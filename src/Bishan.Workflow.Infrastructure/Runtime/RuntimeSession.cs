using System.Data;
using System.Data.Common;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// A context with its connection kept open and that connection's prepared commands: what one runtime call needs,
/// used by one call at a time and then handed back to <see cref="RuntimeSessionPool"/> for the next. Opening a
/// connection (and setting its pragmas), building a context and preparing statements is thus paid once per session,
/// not once per resume. Effect handlers get <see cref="Db"/>, whose transaction is the one the plain commands run in.
/// </summary>
internal sealed class RuntimeSession : IAsyncDisposable, IDisposable
{
    private RuntimeSession(BishanDbContext db, bool ambient)
    {
        Db = db;
        IsAmbient = ambient;
        Commands = new PreparedCommands(db.Database.GetDbConnection());
    }

    public BishanDbContext Db { get; }

    /// <summary>
    /// The session of a use case's unit of work: its context, connection and transaction belong to the use case, so a
    /// pass runs in a savepoint of that transaction and the session is neither pooled nor disposed by the runtime.
    /// </summary>
    public bool IsAmbient { get; }

    public PreparedCommands Commands { get; }

    /// <summary>The transaction begun on <see cref="Db"/>, if any: plain commands must run in it.</summary>
    public DbTransaction? Transaction => Db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>Open, with no transaction left behind: safe to hand to the next call.</summary>
    public bool IsReusable => !IsAmbient && Db.Database.GetDbConnection().State == ConnectionState.Open && Db.Database.CurrentTransaction is null;

    /// <summary>A session on a use case's context, whose connection its transaction keeps open.</summary>
    public static RuntimeSession Join(BishanDbContext db) => new(db, ambient: true);

    public static async Task<RuntimeSession> OpenAsync(IDbContextFactory<BishanDbContext> factory, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return new RuntimeSession(db, ambient: false);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Disposes the prepared commands only (an ambient session's context belongs to its scope).</summary>
    public void DisposeCommands() => Commands.Dispose();

    /// <summary>Forgets whatever the previous call left tracked.</summary>
    public void Reset() => Db.ChangeTracker.Clear();

    public async ValueTask DisposeAsync()
    {
        Commands.Dispose();
        await Db.DisposeAsync();
    }

    public void Dispose()
    {
        Commands.Dispose();
        Db.Dispose();
    }
}
