namespace Bishan.Workflow.Engine.Tests.Support;

/// <summary>Finds the shared Elsa test vectors next to the repository; they are read in place, never copied in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ElsaSamples => Path.GetFullPath(Path.Combine(Root, "..", "shared", "elsa-samples"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Bishan.Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
