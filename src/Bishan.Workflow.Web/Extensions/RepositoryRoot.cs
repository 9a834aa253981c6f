namespace Bishan.Workflow.Web.Extensions;

/// <summary>Finds the checkout's root (the folder holding <c>Bishan.Workflow.sln</c>) for development conveniences.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "Bishan.Workflow.sln";

    public static DirectoryInfo? FindFrom(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir;
        return null;
    }
}
