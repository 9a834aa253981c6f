using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Coordination;

/// <summary>
/// Who is responsible for a case at its tier (统筹主体): approvals for the case go to supervisors of
/// <see cref="OrgUnitId"/>, helper work to <see cref="CarriedOutById"/>.
/// </summary>
/// <param name="Tier">The tier this body is responsible at.</param>
/// <param name="OrgUnitId">The coordinating unit: its supervisors approve and answer for the case.</param>
/// <param name="CarriedOutById">
/// The unit that carries the help out on the coordinating body's behalf. The same as <paramref name="OrgUnitId"/>
/// except where the source splits the two roles: for 涉案帮教 at 较重, 区委政法委 coordinates and 团区委 carries out.
/// </param>
public sealed record CoordinatingBody(Tier Tier, string OrgUnitId, string CarriedOutById)
{
    /// <summary>Whether coordinating and carrying out are done by different units.</summary>
    public bool IsSplit => !string.Equals(OrgUnitId, CarriedOutById, StringComparison.Ordinal);
}
