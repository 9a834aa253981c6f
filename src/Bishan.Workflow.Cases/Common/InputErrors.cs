using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Common;

/// <summary>Collects field errors of one request, so the caller sees every problem at once rather than one per round trip.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many messages were recorded, so a check can tell whether its own part added any.</summary>
    public int Count => _errors.Sum(e => e.Value.Count);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Records that <paramref name="field"/> is required but missing, naming it by its label.</summary>
    public void Required(string field) => Add(field, Message("Field_Required", field));

    /// <summary>
    /// A message about <paramref name="field"/> from the resource <paramref name="key"/>, with the field's label in the
    /// reader's language as <c>{0}</c> (the raw key would read as code under a field labelled 姓名) and
    /// <paramref name="more"/> as <c>{1}</c>….
    /// </summary>
    public static string Message(string key, string field, params object?[] more) =>
        UseCaseStrings.Format(key, [UseCaseStrings.FieldLabel(field), .. more]);

    /// <summary>Choices listed as the reader's language lists them: 父亲、母亲 in Chinese, "Father, Mother" otherwise.</summary>
    public static string ListOf(IEnumerable<string> options) =>
        string.Join(
            string.Equals(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "zh", StringComparison.Ordinal) ? "、" : ", ",
            options);

    /// <summary>Trims the text; records an error when it is required and blank, or longer than <paramref name="maxLength"/>.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required) Required(field);
        else if (text is not null && text.Length > maxLength) Add(field, Message("Field_TooLong", field, maxLength));
        return text;
    }

    /// <summary>Parses an enum by its API name (case-insensitive, names only: "1" is not an action).</summary>
    public TEnum? Enum<TEnum>(string field, string? value, bool required = false)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Required(field);
            return null;
        }
        var names = System.Enum.GetNames<TEnum>();
        var match = names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Add(field, Message("Field_NotOneOf", field, string.Join(", ", names)));
            return null;
        }
        return System.Enum.Parse<TEnum>(match);
    }

    /// <summary>An instant (ISO 8601; without an offset it is taken as UTC) as a UTC <see cref="DateTime"/>, or null when blank.</summary>
    public DateTime? Instant(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
            return value.UtcDateTime;
        Add(field, Message("Field_NotADate", field));
        return null;
    }

    /// <exception cref="InvalidInputException">Any error was recorded.</exception>
    public void ThrowIfAny()
    {
        if (Any) throw new InvalidInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
