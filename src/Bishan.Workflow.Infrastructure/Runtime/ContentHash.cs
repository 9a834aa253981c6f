using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Hash of what a definition does, not of its version facts: exporting v3 and importing it again, or
/// shipping the same file at every start-up, gives the same hash.
/// </summary>
internal static class ContentHash
{
    private static readonly string[] VersionFacts = ["version", "id", "isLatest", "isPublished", "createdAt"];

    public static string Compute(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        foreach (var key in VersionFacts) copy.Remove(key);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToJsonString()));
        return Convert.ToHexStringLower(bytes);
    }
}
