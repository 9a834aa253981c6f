using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Common;

/// <summary>State checks shared by the case commands.</summary>
public static class CaseStates
{
    /// <exception cref="ConflictException">The case is not in the register.</exception>
    public static void EnsureRegistered(Case @case)
    {
        if (@case.Status != CaseStatus.Registered)
            throw new ConflictException(UseCaseStrings.Format("Case_NotRegistered", @case.FileNumber, DomainLabels.For(@case.Status)));
    }
}
