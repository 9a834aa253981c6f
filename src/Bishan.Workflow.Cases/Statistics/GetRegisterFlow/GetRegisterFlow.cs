using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics.GetRegisterFlow;

/// <summary>
/// The register's in and out over time (入库/出库 by month, Asia/Shanghai calendar) over the caller's case scope: the
/// cases registered in each month (by the start of their current or last register period, so a re-entry counts in the
/// month it re-entered) and those that left after a passed exit (counted as
/// <see cref="RegisterFigures.ExitedTotal"/> counts them, by exit time). <paramref name="Months"/> gives the last N months up
/// to this one; without it, from the first month with a registration or exit up to this one, at most
/// <see cref="MaxMonths"/> months. Every month of the range appears, zeros included, so a chart's axis never skips.
/// </summary>
public sealed record GetRegisterFlow(int? Months = null) : IQuery<RegisterFlow>;

public sealed record RegisterFlow(IReadOnlyList<RegisterFlowMonth> Months, int Registered, int Exited);

/// <summary>One month: <paramref name="Month"/> as <c>yyyy-MM</c>.</summary>
public sealed record RegisterFlowMonth(string Month, int Registered, int Exited);

public sealed class GetRegisterFlowHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetRegisterFlow, RegisterFlow>
{
    public const int MaxMonths = 120;

    private static readonly CaseStatus[] ExitedStatuses = [CaseStatus.Exited, CaseStatus.FollowUp, CaseStatus.Closed];

    public async ValueTask<RegisterFlow> Handle(GetRegisterFlow query, CancellationToken cancellationToken)
    {
        if (query.Months is { } asked && (asked < 1 || asked > MaxMonths))
            throw InvalidInputException.For("months", UseCaseStrings.Format("Stats_MonthsInvalid", MaxMonths));

        var cases = CaseScope.For(user, tree).Apply(db.Cases.AsNoTracking());
        // Two instants per case, bucketed here: month boundaries are in Asia/Shanghai, which SQL on SQLite cannot convert.
        var registered = await cases.Where(c => c.RegisteredAtUtc != null).Select(c => c.RegisteredAtUtc!.Value).ToListAsync(cancellationToken);
        var exited = await cases.Where(c => c.ExitedAtUtc != null && ExitedStatuses.Contains(c.Status)).Select(c => c.ExitedAtUtc!.Value).ToListAsync(cancellationToken);

        var thisMonth = MonthOf(time.GetUtcNow().UtcDateTime);
        var first = query.Months is { } n
            ? thisMonth.AddMonths(1 - n)
            : registered.Concat(exited).Select(MonthOf).DefaultIfEmpty(thisMonth).Min();
        if (first < thisMonth.AddMonths(1 - MaxMonths)) first = thisMonth.AddMonths(1 - MaxMonths);
        if (first > thisMonth) first = thisMonth;

        var ins = registered.Select(MonthOf).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var outs = exited.Select(MonthOf).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var months = new List<RegisterFlowMonth>();
        for (var m = first; m <= thisMonth; m = m.AddMonths(1))
            months.Add(new RegisterFlowMonth(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), ins.GetValueOrDefault(m), outs.GetValueOrDefault(m)));
        return new RegisterFlow(months, months.Sum(m => m.Registered), months.Sum(m => m.Exited));
    }

    private static DateOnly MonthOf(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DistrictCalendar.TimeZone);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
