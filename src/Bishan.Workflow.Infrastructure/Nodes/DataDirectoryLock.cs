namespace Bishan.Workflow.Infrastructure.Nodes;

/// <summary>
/// Keeps a SQLite data directory to one process: Hangfire.Storage.SQLite claims jobs under an in-process lock only,
/// so a second process on the same files would run every job twice. The lock is an OS file lock on
/// <c>&lt;dataDir&gt;/bishan.lock</c> (<see cref="FileShare.None"/>; flock on Linux), held for the process lifetime and
/// released by the OS when the process ends, however it ends (SIGKILL included), so a stale file never blocks a restart.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "bishan.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    public string Path => _file.Name;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static DataDirectoryLock? TryAcquire(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
