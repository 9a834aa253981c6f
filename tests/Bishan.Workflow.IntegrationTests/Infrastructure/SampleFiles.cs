using Bishan.Workflow.Engine.Tests.Vectors;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

internal static class SampleFiles
{
    /// <summary>A vector's exact bytes from <c>../shared/elsa-samples</c> (a BOM stays in), as a client would upload it.</summary>
    public static byte[] SampleBytes(string relativePath) => File.ReadAllBytes(Path.Combine(SharedSamples.Directory, relativePath));
}
