using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// What <see cref="DemoRegisterLoader"/> wrote, and the workflows the host should start so that the demo has live work:
/// case-intake for the fresh referrals (screening tasks), tiered-escalation for the picked cases (pending approvals) and
/// subsidy-approval for the fresh subsidy requests (sent back to the caseworker for an amendment).
/// </summary>
/// <param name="Loaded">False when the register was already loaded: nothing was written and nothing should be started.</param>
public sealed record DemoLoadResult(
    bool Loaded,
    int CasesWritten,
    IReadOnlyList<string> ReferralCaseIds,
    IReadOnlyList<DemoEscalation> Escalations,
    IReadOnlyList<DemoSubsidyRequest> SubsidyRequests)
{
    public static DemoLoadResult AlreadyLoaded { get; } = new(false, 0, [], [], []);
}

/// <summary>A registered demo case for which the host starts an escalation request.</summary>
public sealed record DemoEscalation(string CaseId, Tier TargetTier, string Reason);
