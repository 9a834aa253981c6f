using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Issues file numbers BS-{year}-{n:0000} from <c>FileNumberCounters</c> with one <c>UPDATE … RETURNING</c>, so two referrals
/// never get the same number. A year's row is created on first use, starting after the highest number already filed that
/// year (files loaded before the counter existed, demo data).
/// </summary>
/// <remarks>
/// On PostgreSQL the number is taken on a connection of its own and committed at once, like a sequence: the counter's
/// row lock lasts one statement, not the whole referral (which would make referrals on every node wait for each other,
/// measured at about 5 per second under a burst). A referral that fails afterwards leaves a gap, as a sequence would. On
/// SQLite it is taken in the referral's own transaction, which already holds the database's single write lock (a second
/// connection could not write meanwhile), and is gapless.
/// </remarks>
internal static class FileNumberCounter
{
    private const string Increment = """UPDATE "FileNumberCounters" SET "Last" = "Last" + 1 WHERE "Year" = @year RETURNING "Last" """;
    private const string Create = """INSERT INTO "FileNumberCounters" ("Year", "Last") VALUES (@year, @start) ON CONFLICT ("Year") DO NOTHING""";
    private const string LastFiled = """SELECT MAX("FileNumber") FROM "Cases" WHERE "FileNumber" LIKE @prefix""";

    public static async Task<string> NextAsync(BishanDbContext db, int year, CancellationToken ct)
    {
        int next;
        if (db.Database.IsNpgsql())
        {
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(ct);
            next = await NextOnAsync(connection, null, year, ct);
        }
        else
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                next = await NextOnAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), year, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        return Prefix(year) + next.ToString("0000", CultureInfo.InvariantCulture);
    }

    private static async Task<int> NextOnAsync(DbConnection connection, DbTransaction? transaction, int year, CancellationToken ct)
    {
        if (await ScalarAsync(connection, transaction, Increment, ct, ("@year", year)) is { } value) return Convert.ToInt32(value, CultureInfo.InvariantCulture);

        var prefix = Prefix(year);
        var last = await ScalarAsync(connection, transaction, LastFiled, ct, ("@prefix", prefix + "%")) as string;
        var start = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // Two first referrals of a year may both get here: the second insert does nothing and both increment.
        await ScalarAsync(connection, transaction, Create, ct, ("@year", year), ("@start", start));
        return await ScalarAsync(connection, transaction, Increment, ct, ("@year", year)) is { } created
            ? Convert.ToInt32(created, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The file-number counter of {year} could not be created.");
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var result = await command.ExecuteScalarAsync(ct);
        return result is DBNull ? null : result;
    }

    private static string Prefix(int year) => $"BS-{year.ToString(CultureInfo.InvariantCulture)}-";
}
