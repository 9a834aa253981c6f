using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.ExitCriteria;

/// <summary>
/// The exit checklist for each action, used by the exit-evaluation workflow. Built from the defaults, optionally
/// overridden by configuration (<see cref="ExitCriteriaOptions"/>), and validated once so that a bad configuration
/// fails at startup rather than in front of a caseworker.
/// </summary>
public sealed class ExitCriteriaCatalog
{
    private readonly Dictionary<FiveAction, IReadOnlyList<ExitCriterion>> _byAction;

    /// <summary>Builds a catalog that must give every action a non-empty checklist with unique, non-blank ids and texts.</summary>
    /// <exception cref="ArgumentException">An action is missing or its checklist is invalid.</exception>
    public ExitCriteriaCatalog(IReadOnlyDictionary<FiveAction, IReadOnlyList<ExitCriterion>> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        _byAction = [];
        foreach (var action in Enum.GetValues<FiveAction>())
        {
            if (!criteria.TryGetValue(action, out var list) || list is null || list.Count == 0)
            {
                throw new ArgumentException($"No exit criteria for {action}.", nameof(criteria));
            }

            Validate(action, list);
            _byAction[action] = [.. list];
        }
    }

    /// <summary>The built-in checklists (<see cref="ExitCriteriaDefaults"/>).</summary>
    public static ExitCriteriaCatalog Default { get; } = new(ExitCriteriaDefaults.All);

    /// <summary>
    /// The defaults with every action that <paramref name="options"/> lists replaced by its configured list.
    /// Empty lists count as not configured, because configuration sources cannot express an empty array.
    /// </summary>
    public static ExitCriteriaCatalog FromOptions(ExitCriteriaOptions? options)
    {
        if (options is null || options.Actions.Count == 0)
        {
            return Default;
        }

        var merged = ExitCriteriaDefaults.All.ToDictionary(
            pair => pair.Key,
            pair => options.Actions.TryGetValue(pair.Key, out var configured) && configured is { Count: > 0 }
                ? (IReadOnlyList<ExitCriterion>)configured
                : pair.Value);
        return new ExitCriteriaCatalog(merged);
    }

    /// <summary>The checklist for a case's primary action.</summary>
    public IReadOnlyList<ExitCriterion> For(FiveAction action) =>
        _byAction.TryGetValue(action, out var list)
            ? list
            : throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");

    private static void Validate(FiveAction action, IReadOnlyList<ExitCriterion> list)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in list)
        {
            if (criterion is null
                || string.IsNullOrWhiteSpace(criterion.Id)
                || string.IsNullOrWhiteSpace(criterion.TextZh)
                || string.IsNullOrWhiteSpace(criterion.TextEn))
            {
                throw new ArgumentException($"An exit criterion of {action} lacks an id or a text.");
            }

            if (!ids.Add(criterion.Id))
            {
                throw new ArgumentException($"Exit criterion id '{criterion.Id}' appears twice under {action}.");
            }
        }
    }
}
