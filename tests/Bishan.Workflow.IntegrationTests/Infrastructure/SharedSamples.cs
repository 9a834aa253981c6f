namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>Finds <c>../shared/elsa-samples</c> next to the repository at run time; the vectors are never copied in.</summary>
internal static class SharedSamples
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bishan.Workflow.sln")))
            dir = dir.Parent;
        if (dir?.Parent is null) throw new InvalidOperationException("Bishan.Workflow.sln not found above " + AppContext.BaseDirectory);
        var samples = Path.Combine(dir.Parent.FullName, "shared", "elsa-samples");
        return System.IO.Directory.Exists(samples)
            ? samples
            : throw new InvalidOperationException($"The Elsa test vectors are expected at {samples}.");
    }

    /// <summary>The file's exact bytes (a BOM stays in), as a client would upload it.</summary>
    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));
}
