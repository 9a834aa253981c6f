using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Funding;

/// <summary>Yuan amounts as the API takes them: positive, whole fen (two decimals at most), below a sanity ceiling.</summary>
public static class Money
{
    public const decimal Max = 100_000_000m;

    public static decimal? Check(InputErrors errors, string field, decimal? amount, bool required = true)
    {
        if (amount is not { } value)
        {
            if (required) errors.Required(field);
            return null;
        }
        if (!IsValid(value))
        {
            errors.Add(field, InputErrors.Message("Money_Invalid", field, Max));
            return null;
        }
        return value;
    }

    /// <summary>Positive, whole fen, at most <see cref="Max"/>.</summary>
    public static bool IsValid(decimal amount) => amount > 0 && amount <= Max && decimal.Round(amount, 2) == amount;

    /// <summary>Yuan as typed into a form or held in a workflow variable (1500, 1500.5, 1,500.00); null when it is not a number.</summary>
    public static decimal? TryParse(string? text) =>
        decimal.TryParse(text?.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>For messages: 1,234.50.</summary>
    public static string Text(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
