using System.Globalization;
using System.Text.Json;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>
/// Online backups of the two SQLite databases (issue 13 §5) with <c>VACUUM INTO</c>: each copy is one read transaction
/// of its source, a consistent snapshot taken while the app keeps writing (WAL readers do not block writers). A set is
/// written into a hidden <c>.partial-…</c> folder and renamed when both files are complete, so a listed set is always
/// whole; then all but the newest <see cref="BackupOptions.Keep"/> sets are deleted. Restore: stop the app, copy
/// <c>bishan.db</c> and <c>hangfire.db</c> of a set into the data directory (README "Backups").
/// </summary>
public sealed partial class BackupService(
    BackupOptions options,
    IDbContextFactory<BishanDbContext> dbs,
    TimeProvider time,
    ILogger<BackupService> logger) : IDisposable
{
    public const string AppFileName = "bishan.db";
    public const string HangfireFileName = "hangfire.db";
    private const string SetPrefix = "backup-";
    private const string NameFormat = "yyyyMMdd'T'HHmmss'Z'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _oneBackup = new(1, 1);

    public BackupOverview Overview(ICurrentUser user)
    {
        RetentionService.RequireAdministrator(user);
        if (!options.IsSupported)
            return new BackupOverview(options.Provider, false, UseCaseStrings.Format("Backup_ManagedByDatabaseAdministrator"), null, 0, null, []);
        return new BackupOverview(options.Provider, true, null, options.Folder, options.Keep, options.Cron, ListSets());
    }

    /// <summary>Backs both databases up now, as <paramref name="user"/> (an administrator, or <see cref="SystemActor"/> for the schedule).</summary>
    /// <exception cref="ConflictException">On PostgreSQL, or while another backup runs.</exception>
    public async Task<BackupSet> CreateAsync(ICurrentUser user, CancellationToken ct)
    {
        RetentionService.RequireAdministrator(user);
        if (!options.IsSupported) throw new ConflictException(UseCaseStrings.Format("Backup_ManagedByDatabaseAdministrator"));
        if (!await _oneBackup.WaitAsync(0, ct)) throw new ConflictException(UseCaseStrings.Format("Backup_AlreadyRunning"));
        try
        {
            var set = await WriteSetAsync(ct);
            var deleted = Prune();
            await using var db = await dbs.CreateDbContextAsync(ct);
            AuditLog.Add(db, user, time, AuditActions.BackupCreate, "Backup", set.Name,
                JsonSerializer.Serialize(new { set.Name, set.SizeBytes, files = set.Files.Select(f => f.Name), deleted }, Json));
            await db.SaveChangesAsync(ct);
            LogBackup(set.Name, set.SizeBytes, deleted);
            return set;
        }
        finally
        {
            _oneBackup.Release();
        }
    }

    private async Task<BackupSet> WriteSetAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.Folder);
        var now = time.GetUtcNow().UtcDateTime;
        var name = SetPrefix + now.ToString(NameFormat, CultureInfo.InvariantCulture);
        for (var n = 2; Directory.Exists(Path.Combine(options.Folder, name)); n++)
            name = SetPrefix + now.ToString(NameFormat, CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture);
        var partial = Path.Combine(options.Folder, ".partial-" + name);
        Directory.CreateDirectory(partial);
        try
        {
            await VacuumIntoAsync(options.AppDatabaseFile!, Path.Combine(partial, AppFileName), ct);
            await VacuumIntoAsync(options.HangfireDatabaseFile!, Path.Combine(partial, HangfireFileName), ct);
            var final = Path.Combine(options.Folder, name);
            Directory.Move(partial, final);
            return Describe(new DirectoryInfo(final), now);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    private static async Task VacuumIntoAsync(string source, string target, CancellationToken ct)
    {
        // Its own unpooled connection: nothing of the app's connections (pragmas, open transactions) is involved, and
        // Microsoft.Data.Sqlite retries a busy database for the command timeout.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = source,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 120,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(ct);
    }

    private List<BackupSet> ListSets()
    {
        var folder = new DirectoryInfo(options.Folder);
        if (!folder.Exists) return [];
        var sets = new List<BackupSet>();
        foreach (var dir in folder.EnumerateDirectories(SetPrefix + "*"))
            if (TryParseTime(dir.Name) is { } at) sets.Add(Describe(dir, at));
        return [.. sets.OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Name, StringComparer.Ordinal)];
    }

    private int Prune()
    {
        var deleted = 0;
        foreach (var old in ListSets().Skip(options.Keep))
            if (TryDelete(Path.Combine(options.Folder, old.Name))) deleted++;
        return deleted;
    }

    private static BackupSet Describe(DirectoryInfo dir, DateTime at)
    {
        var files = dir.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new BackupFile(f.Name, f.Length)).ToList();
        return new BackupSet(dir.Name, at, files.Sum(f => f.SizeBytes), files);
    }

    private static DateTime? TryParseTime(string name)
    {
        var stamp = name[SetPrefix.Length..];
        if (stamp.Length > 16) stamp = stamp[..16];
        return DateTime.TryParseExact(stamp, NameFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} written ({Bytes} bytes); {Deleted} older backups deleted")]
    private partial void LogBackup(string name, long bytes, int deleted);

    public void Dispose() => _oneBackup.Dispose();
}
