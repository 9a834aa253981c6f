using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics;

/// <summary>
/// The register's headline figures, defined once so that the special report, the statistics endpoint and the demo
/// data check count the same way as the source (入库476人, 出库211人, 52/4/36/73/311 by action):
/// <list type="bullet">
/// <item><see cref="RegisteredTotal"/>: people ever registered (a re-entry does not count the person twice);</item>
/// <item><see cref="ExitedTotal"/>: people out of the register after a passed exit (Exited, FollowUp, Closed, or found not
/// eligible again when re-screened after a relapse);</item>
/// <item><see cref="InRegister"/>: people in the register now (Registered or ExitEvaluation);</item>
/// <item><see cref="BeingRescreened"/>: people who were registered, relapsed after exit and are being screened again
/// (Referred or Screening with an earlier registration);</item>
/// <item><see cref="ByAction"/>: people ever registered, by primary action; <see cref="ByTier"/> and <see cref="ByArea"/>: in the register now.</item>
/// </list>
/// The three groups split every registered person by status, so the identity
/// <c>RegisteredTotal = ExitedTotal + InRegister + BeingRescreened</c> always holds (<see cref="IdentityHolds"/>).
/// </summary>
public sealed record RegisterFigures(
    int RegisteredTotal,
    int ExitedTotal,
    int InRegister,
    IReadOnlyDictionary<FiveAction, int> ByAction,
    IReadOnlyDictionary<Tier, int> ByTier,
    IReadOnlyDictionary<string, int> ByArea,
    int OverdueTasks,
    int PendingApprovals,
    int BeingRescreened = 0)
{
    private static readonly CaseStatus[] InRegisterStatuses = [CaseStatus.Registered, CaseStatus.ExitEvaluation];
    private static readonly CaseStatus[] RescreeningStatuses = [CaseStatus.Referred, CaseStatus.Screening];

    /// <summary>The identity the totals satisfy, as the API states it.</summary>
    public const string IdentityFormula = "registeredTotal = exitedTotal + inRegister + beingRescreened";

    /// <summary>The identity the totals satisfy (<see cref="IdentityFormula"/>), so every API answer states it.</summary>
#pragma warning disable CA1822 // part of the API answer, serialised with the figures
    public string Identity => IdentityFormula;
#pragma warning restore CA1822

    /// <summary>Whether <see cref="IdentityFormula"/> holds for these figures (it does by construction; the API shows it).</summary>
    public bool IdentityHolds => RegisteredTotal == ExitedTotal + InRegister + BeingRescreened;

    /// <summary>Computes the figures over <paramref name="cases"/> (pass a scoped query for a scoped view).</summary>
    public static async Task<RegisterFigures> ComputeAsync(IQueryable<Case> cases, IQueryable<WorkTask> tasks, DateTime nowUtc, CancellationToken ct) =>
        (await ComputeWithNextDueAsync(cases, tasks, nowUtc, ct)).Figures;

    /// <summary>
    /// The figures, and the earliest due time at or after <paramref name="nowUtc"/> of the open tasks counted: until then
    /// the overdue count stays what it is now (null: it stays so until a task changes).
    /// </summary>
    internal static async Task<(RegisterFigures Figures, DateTime? NextDueUtc)> ComputeWithNextDueAsync(IQueryable<Case> cases,
        IQueryable<WorkTask> tasks, DateTime nowUtc, CancellationToken ct)
    {
        // One grouped read of the registered people instead of a query per figure (issue 15): the groups (status x action x
        // tier x area) are few, and every figure is a sum over them.
        var groups = await cases.Where(c => c.RegistrationCount > 0)
            .GroupBy(c => new { c.Status, c.PrimaryAction, c.Tier, c.AreaId })
            .Select(g => new { g.Key.Status, g.Key.PrimaryAction, g.Key.Tier, g.Key.AreaId, Count = g.Count() })
            .ToListAsync(ct);
        var registeredTotal = groups.Sum(g => g.Count);
        var inRegister = groups.Where(g => InRegisterStatuses.Contains(g.Status)).ToList();
        var inRegisterCount = inRegister.Sum(g => g.Count);
        var rescreening = groups.Where(g => RescreeningStatuses.Contains(g.Status)).Sum(g => g.Count);
        // Every other status of a registered person (Exited, FollowUp, Closed, Rejected) means out of the register after
        // an exit: a registered case leaves the register only through an approved exit, and a relapse re-enters screening.
        var exitedTotal = registeredTotal - inRegisterCount - rescreening;

        var byAction = groups.Where(g => g.PrimaryAction != null).GroupBy(g => g.PrimaryAction!.Value)
            .ToDictionary(x => x.Key, x => x.Sum(g => g.Count));
        var byTier = inRegister.Where(g => g.Tier != null).GroupBy(g => g.Tier!.Value)
            .ToDictionary(x => x.Key, x => x.Sum(g => g.Count));
        var byArea = inRegister.GroupBy(g => g.AreaId, StringComparer.Ordinal)
            .ToDictionary(x => x.Key, x => x.Sum(g => g.Count), StringComparer.Ordinal);

        // Both task figures in one pass over the open tasks.
        var taskCounts = await tasks.Where(t => t.Status == WorkTaskStatus.Open)
            .GroupBy(t => 1)
            .Select(g => new
            {
                Overdue = g.Count(t => t.DueAtUtc != null && t.DueAtUtc < nowUtc),
                Pending = g.Count(t => EF.Functions.Like(t.Kind, WorkTaskKinds.ApprovalPrefix + "%")),
                NextDue = g.Min(t => t.DueAtUtc != null && t.DueAtUtc >= nowUtc ? t.DueAtUtc : null),
            })
            .FirstOrDefaultAsync(ct);
        var overdue = taskCounts?.Overdue ?? 0;
        var pending = taskCounts?.Pending ?? 0;

        return (new RegisterFigures(
            registeredTotal,
            exitedTotal,
            inRegisterCount,
            Enum.GetValues<FiveAction>().ToDictionary(a => a, a => byAction.GetValueOrDefault(a)),
            Enum.GetValues<Tier>().ToDictionary(t => t, t => byTier.GetValueOrDefault(t)),
            byArea,
            overdue,
            pending,
            rescreening), taskCounts?.NextDue);
    }
}
