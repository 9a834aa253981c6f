using Hangfire.Storage.SQLite;
using SQLite;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// The connections of Hangfire's SQLite file: as the storage opens them by default (read-write, created when missing,
/// ticks for dates, a 10-second busy timeout), plus <c>synchronous=NORMAL</c>. The storage runs in WAL mode, where
/// SQLite's default (FULL) syncs the disk on every commit: 6–7 ms each on this project's machines, and scheduling or
/// cancelling one timer takes several commits, which made them most of a task completion's time (issue 15). With
/// NORMAL, a commit can be lost only to a power failure (never to a crash of the app), and the start-up reconciliation
/// (<see cref="ScheduleReconciler"/>) schedules again every stored timer whose job is missing.
/// </summary>
internal static class HangfireSqliteConnections
{
    public static SQLiteDbConnectionFactory Factory(string databasePath) => new(() =>
    {
        var connection = new SQLiteConnection(databasePath,
            SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.NoMutex, storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
        };
        connection.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        connection.Execute("PRAGMA synchronous=NORMAL");
        return connection;
    });
}
