using Bishan.Workflow.Engine.Execution;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Engine.Tests.Execution;

public sealed class TimeOrderedIdsFacts
{
    [Fact]
    public void New_SortsByTheClock_AndNeverRepeats()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var earlier = Enumerable.Range(0, 500).Select(_ => TimeOrderedIds.New(time)).ToList();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var later = Enumerable.Range(0, 500).Select(_ => TimeOrderedIds.New(time)).ToList();

        Assert.Equal(1000, earlier.Concat(later).Distinct().Count());
        Assert.All(earlier.Concat(later), id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.True(string.CompareOrdinal(earlier.Max(StringComparer.Ordinal), later.Min(StringComparer.Ordinal)) < 0);
    }
}
