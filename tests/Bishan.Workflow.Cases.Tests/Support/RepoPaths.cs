namespace Bishan.Workflow.Cases.Tests.Support;

/// <summary>Finds the repository's <c>workflows/</c> folder: the shipped files are read in place, never copied.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string WorkflowFile(string definitionId) => Path.Combine(Workflows, definitionId + ".json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Bishan.Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
