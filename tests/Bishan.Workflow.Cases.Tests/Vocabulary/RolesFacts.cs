using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Vocabulary;

public sealed class RolesFacts
{
    [Fact]
    public void All_ListsFiveDistinctRoles_WhenRead() =>
        Assert.Equal(
            [Roles.Administrator, Roles.Caseworker, Roles.Supervisor, Roles.Leader, Roles.Secretary],
            Roles.All.Distinct());
}
