using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Coordination;

public sealed class LeadDepartmentsFacts
{
    [Fact]
    public void CoordinatorOf_NamesADepartmentThatListsTheAction_ForEveryAction()
    {
        foreach (var action in Enum.GetValues<FiveAction>())
        {
            Assert.Contains(action, OrgUnitSeed.Tree.Get(LeadDepartments.CoordinatorOf(action)).Actions);
            Assert.Contains(action, OrgUnitSeed.Tree.Get(LeadDepartments.CarrierOf(action)).Actions);
        }
    }

    [Fact]
    public void CarrierOf_DiffersFromCoordinator_OnlyForCaseInvolved() =>
        Assert.Equal(
            [FiveAction.CaseInvolved],
            Enum.GetValues<FiveAction>().Where(a => LeadDepartments.CarrierOf(a) != LeadDepartments.CoordinatorOf(a)));
}
