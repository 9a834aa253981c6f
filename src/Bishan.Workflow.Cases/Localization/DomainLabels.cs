using System.Globalization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Localization;

/// <summary>
/// Display labels for the domain's enums and role names, from the resource files, so that the UI, exports
/// and reports all say 控辍保学 (or "Dropout prevention") the same way.
/// </summary>
public static class DomainLabels
{
    /// <summary>
    /// The label of an enum value in <paramref name="culture"/> (the current UI culture when null).
    /// Falls back to the value's name, so a missing translation shows up as English code, not as a crash.
    /// </summary>
    public static string For<TEnum>(TEnum value, CultureInfo? culture = null)
        where TEnum : struct, Enum =>
        Find(value, culture) ?? value.ToString();

    /// <summary>The label of an enum value, or <c>null</c> when the resources have none (used by tests to prove completeness).</summary>
    public static string? Find<TEnum>(TEnum value, CultureInfo? culture = null)
        where TEnum : struct, Enum =>
        DomainStrings.Find($"{typeof(TEnum).Name}_{value}", culture);

    /// <summary>
    /// How a task's outcome reads (同意, 符合，提交入库审批): an approval's in the domain's words, a workflow outcome from
    /// <c>Outcome_{name}</c>; an outcome a workflow invented without a translation shows as named.
    /// </summary>
    public static string ForOutcome(string outcome, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Enum.TryParse<Model.ApprovalOutcome>(outcome, out var approval) && Enum.IsDefined(approval) && !char.IsDigit(outcome[0])
            ? For(approval, culture)
            : DomainStrings.Find($"Outcome_{outcome}", culture) ?? outcome;
    }

    /// <summary>
    /// The words for a code a workflow holds: an action (<c>MentalHealth</c>), a tier (<c>Severe</c>) or an outcome; anything
    /// else comes back unchanged.
    /// </summary>
    public static string ForCode(string code, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length == 0 || char.IsDigit(code[0])) return code;
        if (Enum.TryParse<FiveAction>(code, out var action) && Enum.IsDefined(action)) return For(action, culture);
        if (Enum.TryParse<Tier>(code, out var tier) && Enum.IsDefined(tier)) return For(tier, culture);
        return ForOutcome(code, culture);
    }

    /// <summary>Liquid's <c>label</c> filter: <see cref="ForCode"/> in the culture stored texts are written in (Chinese).</summary>
    public static Engine.Expressions.LiquidFilter LiquidLabelFilter { get; } = new("label", code => ForCode(code, DomainCultures.Chinese));

    /// <summary>The label of a role name from <see cref="Roles"/>; unknown names come back unchanged.</summary>
    public static string ForRole(string role, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        return DomainStrings.Find($"Role_{role}", culture) ?? role;
    }
}
