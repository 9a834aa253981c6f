using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>A synthetic registration (入库) of a <see cref="DemoMinor"/>, possibly already exited (出库).</summary>
/// <param name="Id">Deterministic for a given seed.</param>
/// <param name="MinorId">The <see cref="DemoMinor.Id"/> registered.</param>
/// <param name="PrimaryAction">The action the minor is counted under.</param>
/// <param name="Tags">Other problems, as further actions; never contains the primary action.</param>
/// <param name="Tier">The tier at registration.</param>
/// <param name="OrgUnitId">The minor's school or community.</param>
/// <param name="AreaId">The area of <paramref name="OrgUnitId"/>.</param>
/// <param name="CoordinatingBody">Derived from tier, action and area by the domain rule, so demo data obeys it.</param>
/// <param name="RegisteredOn">Between the start of the demo period and the snapshot date.</param>
/// <param name="ExitedOn">After <paramref name="RegisteredOn"/> and no later than the snapshot date; null while in the register.</param>
public sealed record DemoRegistration(
    Guid Id,
    Guid MinorId,
    FiveAction PrimaryAction,
    IReadOnlyList<FiveAction> Tags,
    Tier Tier,
    string OrgUnitId,
    string AreaId,
    CoordinatingBody CoordinatingBody,
    DateOnly RegisteredOn,
    DateOnly? ExitedOn)
{
    /// <summary>
    /// <see cref="CaseStatus.Exited"/> or <see cref="CaseStatus.Registered"/>. Follow-up reviews are scheduled by the
    /// workflow when the data are loaded, so the generator does not guess at FollowUp or Closed.
    /// </summary>
    public CaseStatus Status => ExitedOn is null ? CaseStatus.Registered : CaseStatus.Exited;
}
