using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Common;

/// <summary>skip/take of list queries, checked once: a negative skip or a huge take is a 400, not a silent clamp.</summary>
public static class Paging
{
    public const int DefaultTake = 50;
    public const int MaxTake = 500;

    /// <exception cref="InvalidInputException">Out of range.</exception>
    public static (int Skip, int Take) Check(int? skip, int? take)
    {
        var s = skip ?? 0;
        var t = take ?? DefaultTake;
        if (s < 0 || t < 1 || t > MaxTake)
            throw InvalidInputException.For(s < 0 ? "skip" : "take", UseCaseStrings.Format("Paging_Invalid", MaxTake));
        return (s, t);
    }
}

/// <summary>One page of a list and the total the filters match, for the UI's pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
