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
    public static async Task<RegisterFigures> ComputeAsync(IQueryable<Case> cases, IQueryable<WorkTask> tasks, DateTime nowUtc, CancellationToken ct)
    {
        var registered = cases.Where(c => c.RegistrationCount > 0);
        var registeredTotal = await registered.CountAsync(ct);
        var inRegister = registered.Where(c => InRegisterStatuses.Contains(c.Status));
        var inRegisterCount = await inRegister.CountAsync(ct);
        var rescreening = await registered.CountAsync(c => RescreeningStatuses.Contains(c.Status), ct);
        // Every other status of a registered person (Exited, FollowUp, Closed, Rejected) means out of the register after
        // an exit: a registered case leaves the register only through an approved exit, and a relapse re-enters screening.
        var exitedTotal = registeredTotal - inRegisterCount - rescreening;

        var byAction = (await registered.Where(c => c.PrimaryAction != null)
                .GroupBy(c => c.PrimaryAction).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key!.Value, x => x.Count);
        var byTier = (await inRegister.Where(c => c.Tier != null)
                .GroupBy(c => c.Tier).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key!.Value, x => x.Count);
        var byArea = (await inRegister.GroupBy(c => c.AreaId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);

        var open = tasks.Where(t => t.Status == WorkTaskStatus.Open);
        var overdue = await open.CountAsync(t => t.DueAtUtc != null && t.DueAtUtc < nowUtc, ct);
        var pending = await open.CountAsync(t => t.Kind.StartsWith(WorkTaskKinds.ApprovalPrefix), ct);

        return new RegisterFigures(
            registeredTotal,
            exitedTotal,
            inRegisterCount,
            Enum.GetValues<FiveAction>().ToDictionary(a => a, a => byAction.GetValueOrDefault(a)),
            Enum.GetValues<Tier>().ToDictionary(t => t, t => byTier.GetValueOrDefault(t)),
            byArea,
            overdue,
            pending,
            rescreening);
    }
}
