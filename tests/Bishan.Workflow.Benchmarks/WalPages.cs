using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace Bishan.Workflow.Benchmarks;

/// <summary>
/// Counts the pages that some work writes to SQLite's write-ahead log (issue 15, engine round five): the log's frames
/// are read before and after each chunk of work, each new frame one page written by a commit (SQLite writes a page once
/// per transaction, however often the transaction changed it). Each frame's page is attributed to the table or index it
/// belongs to (SQLite's <c>dbstat</c> table) so that a resume's pages can be told apart.
/// </summary>
internal static class WalPages
{
    internal sealed record Count(int Frames, int Commits, IReadOnlyDictionary<string, int> ByBtree)
    {
        public double PerCommit => Commits == 0 ? 0 : (double)Frames / Commits;
    }

    /// <summary>
    /// Runs <paramref name="chunks"/> chunks of work and counts the log frames each one appended. A chunk during which
    /// the log was restarted (an automatic checkpoint) is left out of the count; the caller sees how many commits were counted.
    /// </summary>
    public static async Task<Count?> MeasureAsync(string dbPath, int chunks, Func<int, Task> chunk)
    {
        var frames = 0;
        var commits = 0;
        var byBtree = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < chunks; c++)
        {
            var before = Read(dbPath);
            await chunk(c);
            var after = Read(dbPath);
            if (after.Salts != before.Salts || after.Pages.Count < before.Pages.Count) continue;
            commits += after.Commits - before.Commits;
            // Owners right after the chunk: a page freed by one table and reused by another counts for the one that wrote it last.
            var owners = Owners(dbPath);
            foreach (var page in after.Pages.Skip(before.Pages.Count))
            {
                frames++;
                var name = owners.TryGetValue(page, out var n) ? n : "(free list / other)";
                byBtree[name] = byBtree.GetValueOrDefault(name) + 1;
            }
        }
        return new Count(frames, commits, byBtree);
    }

    /// <summary>The current generation of the log: its salts, the page of each valid frame and the number of commit frames.</summary>
    private static (ulong Salts, List<uint> Pages, int Commits) Read(string dbPath)
    {
        var pages = new List<uint>();
        var commits = 0;
        using var stream = new FileStream(dbPath + "-wal", FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[32];
        if (stream.Read(header) < 32) return (0, pages, 0);
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        var salts = BinaryPrimitives.ReadUInt64BigEndian(header[16..]);
        Span<byte> frame = stackalloc byte[24];
        for (long offset = 32; offset + 24 + pageSize <= stream.Length; offset += 24 + pageSize)
        {
            stream.Position = offset;
            stream.ReadExactly(frame);
            // Frames of an earlier generation of the log (before a checkpoint restarted it) carry other salts: the end.
            if (BinaryPrimitives.ReadUInt64BigEndian(frame[8..]) != salts) break;
            pages.Add(BinaryPrimitives.ReadUInt32BigEndian(frame));
            if (BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) != 0) commits++;
        }
        return (salts, pages, commits);
    }

    /// <summary>Prints the count per commit, largest share first.</summary>
    public static void Print(string what, Count? count)
    {
        if (count is null || count.Commits == 0)
        {
            Console.WriteLine($"{what}: no frames counted");
            return;
        }
        var parts = count.ByBtree.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} {(double)p.Value / count.Commits:0.00}");
        Console.WriteLine($"{what}: {count.PerCommit:0.00} pages per commit ({count.Commits} commits) = {string.Join(", ", parts)}");
    }

    /// <summary>
    /// Which table or index each page of the database belongs to, as the database is now: SQLite's <c>dbstat</c> table,
    /// read through the <c>sqlite3</c> shell (the SQLite bundled with Microsoft.Data.Sqlite has no <c>dbstat</c>). Without
    /// the shell, totals only.
    /// </summary>
    private static Dictionary<uint, string> Owners(string dbPath)
    {
        var owners = new Dictionary<uint, string>();
        try
        {
            var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(dbPath);
            start.ArgumentList.Add("SELECT name || '|' || pageno FROM dbstat");
            using var shell = Process.Start(start)!;
            string? line;
            while ((line = shell.StandardOutput.ReadLine()) is not null)
            {
                var bar = line.LastIndexOf('|');
                if (bar > 0 && uint.TryParse(line.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var page))
                    owners[page] = line[..bar];
            }
            shell.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sqlite3 shell on this machine.
        }
        return owners;
    }
}
