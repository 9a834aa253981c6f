namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Splits a whole number in proportion to weights so the parts add up exactly (largest-remainder method), because
/// demo figures must match the source to the person, not approximately.
/// </summary>
internal static class Apportionment
{
    /// <summary>Parts of <paramref name="total"/> in proportion to <paramref name="weights"/>; ties in the remainder go to the earlier weight.</summary>
    public static int[] Split(int total, IReadOnlyList<int> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var sum = weights.Sum();
        if (sum <= 0 || weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights must be non-negative with a positive sum.", nameof(weights));
        }

        var parts = weights.Select(w => (int)((long)total * w / sum)).ToArray();
        var byRemainder = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => (long)total * weights[i] % sum)
            .ThenBy(i => i)
            .ToList();
        var shortfall = total - parts.Sum();
        for (var k = 0; k < shortfall; k++)
        {
            parts[byRemainder[k]]++;
        }

        return parts;
    }
}
