using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Web.Components.Designer;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The registry the host builds (built-in and case activities) and the shipped workflows.</summary>
internal static class DesignerTestData
{
    public static ActivityRegistry Registry { get; } = ActivityRegistry.CreateDefault().RegisterAssembly(typeof(UserTaskActivity).Assembly);

    public static string Workflow(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "workflows", name + ".json"));
        throw new InvalidOperationException("No Bishan.Workflow.sln above the test output.");
    }

    public static DesignerSession Session(string workflow) =>
        new(Workflow(workflow), Registry, new WorkflowValidator(Registry));
}
