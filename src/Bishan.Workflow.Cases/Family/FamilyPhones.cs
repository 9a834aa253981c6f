using System.Text.RegularExpressions;

namespace Bishan.Workflow.Cases.Family;

/// <summary>
/// Mainland China phone numbers for family members: a mobile (11 digits, 1[3-9]…) or a landline with its area code
/// (023-12345678). Spaces and hyphens are accepted and dropped; a +86 or 0086 prefix is dropped from a mobile.
/// Like ID numbers, the masked form is what lists show.
/// </summary>
public static partial class FamilyPhones
{
    /// <summary>The number without separators, or null when it is not a mainland mobile or landline number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = Separators().Replace(text.Trim(), "");
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        return Mobile().IsMatch(digits) || Landline().IsMatch(digits) ? digits : null;
    }

    /// <summary>138****5678 for a mobile; the area code and the last two digits of a landline (0234******78).</summary>
    public static string Mask(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (phone.Length == 11 && phone[0] == '1') return string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7));
        if (phone.Length <= 6) return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, 4), new string('*', phone.Length - 6), phone.AsSpan(phone.Length - 2));
    }

    [GeneratedRegex(@"[\s\-()]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[1-9]\d{1,2}[2-9]\d{6,7}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Landline();
}
