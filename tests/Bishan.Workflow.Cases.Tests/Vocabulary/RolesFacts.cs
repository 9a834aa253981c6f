using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Vocabulary;

public sealed class RolesFacts
{
    [Fact]
    public void All_ListsSevenDistinctRoles_WithTheGuidanceWorkerLast_WhenRead() =>
        Assert.Equal(
            [Roles.Administrator, Roles.Caseworker, Roles.Supervisor, Roles.Leader, Roles.Secretary, Roles.Inspector, Roles.GuidanceWorker],
            Roles.All.Distinct());

    [Fact]
    public void Inspector_IsSpelledAsTheReportsFeatureExpects() => Assert.Equal("Inspector", Roles.Inspector);
}
