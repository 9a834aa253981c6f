using System.Globalization;
using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Localization;

/// <summary>
/// Field errors name the field by its label (姓名必填。), never by its API key (“name”必填。). The field keys are read from
/// the use cases' source, so a new field without a label in both languages fails here rather than in front of a user.
/// </summary>
public sealed partial class FieldLabelsFacts
{
    private static readonly string CasesSource = Path.Combine(RepoPaths.Root, "src", "Bishan.Workflow.Cases");

    /// <summary>Every literal field key handed to <see cref="InputErrors"/>, <c>Money.Check</c> or <see cref="InvalidInputException.For"/>.</summary>
    private static readonly SortedSet<string> Keys = CollectKeys();

    public static TheoryData<string> FieldKeys() => [.. Keys];

    private static SortedSet<string> CollectKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(CasesSource, "*.cs", SearchOption.AllDirectories))
        {
            var code = File.ReadAllText(file);
            foreach (Match m in FieldArgument().Matches(code))
                foreach (Match literal in StringLiteral().Matches(m.Groups["field"].Value))
                    keys.Add(literal.Groups[1].Value);
        }
        return keys;
    }

    [Fact]
    public void SourceScan_FindsTheKnownFields()
    {
        // Guards the scan itself: if the patterns stopped matching, the label checks below would pass on nothing.
        foreach (var known in new[] { "name", "gender", "dateOfBirth", "orgUnitId", "targetTier", "amount", "budgetLineId", "helperId", "scope", "from", "skip", "months" })
            Assert.Contains(known, Keys);
    }

    [Theory]
    [MemberData(nameof(FieldKeys))]
    public void EveryFieldKey_HasAChineseAndAnEnglishLabel(string field)
    {
        var key = UseCaseStrings.FieldLabelPrefix + field;
        Assert.True(UseCaseStrings.HasOwn(key, DomainCultures.Chinese), $"UseCaseStrings.zh-CN.resx has no {key}.");
        Assert.True(UseCaseStrings.HasOwn(key, CultureInfo.InvariantCulture), $"UseCaseStrings.resx has no {key}.");
        var chinese = UseCaseStrings.FindFieldLabel(field, DomainCultures.Chinese)!;
        Assert.DoesNotMatch(LatinLetter(), chinese);
        Assert.NotEqual(field, UseCaseStrings.FindFieldLabel(field, DomainCultures.English));
    }

    [Fact]
    public void FieldMessages_AreFormattedOnlyThroughInputErrors()
    {
        // A Field_ message formatted elsewhere would be handed the raw key again.
        var offenders = Directory.EnumerateFiles(CasesSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "InputErrors.cs" && DirectFieldMessage().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(CasesSource, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void RequiredErrors_NameEveryFieldByItsChineseLabel_WhenCultureIsChinese()
    {
        var errors = Collect(DomainCultures.Chinese, e =>
        {
            foreach (var field in Keys) e.Required(field);
        });

        Assert.Equal(Keys, errors.Keys.ToHashSet());
        Assert.Equal("姓名必填。", Assert.Single(errors["name"]));
        Assert.Equal("出生日期必填。", Assert.Single(errors["dateOfBirth"]));
        foreach (var (field, messages) in errors)
            Assert.All(messages, m => Assert.DoesNotMatch(LatinLetter(), m));
    }

    [Fact]
    public void FieldErrors_NameTheFieldInEnglish_WhenCultureIsEnglish()
    {
        var errors = Collect(DomainCultures.English, e =>
        {
            e.Text("name", null, 10, required: true);
            e.Text("reason", new string('x', 11), 10);
            e.Enum<Tier>("targetTier", "Nope");
            e.Instant("from", "not a time");
        });

        Assert.Equal("Name is required.", Assert.Single(errors["name"]));
        Assert.Equal("Reason must not be longer than 10 characters.", Assert.Single(errors["reason"]));
        Assert.StartsWith("Target tier must be one of: ", Assert.Single(errors["targetTier"]));
        Assert.Equal("From is not a valid time (ISO 8601).", Assert.Single(errors["from"]));
    }

    [Fact]
    public void FieldErrors_NameNoRawKey_WhenCultureIsChinese()
    {
        var errors = Collect(DomainCultures.Chinese, e =>
        {
            e.Text("overrideDuplicateReason", new string('x', 11), 10);
            e.Enum<Tier>("targetTier", "Nope");
            e.Instant("from", "not a time");
        });

        Assert.Equal("仍然提交的理由不能超过 10 个字。", Assert.Single(errors["overrideDuplicateReason"]));
        Assert.StartsWith("目标程度须为以下之一：", Assert.Single(errors["targetTier"]));
        Assert.Equal("起始时间不是有效的时间（ISO 8601）。", Assert.Single(errors["from"]));
        foreach (var (field, messages) in errors)
            Assert.All(messages, m => Assert.DoesNotContain(field, m, StringComparison.Ordinal));
    }

    [Fact]
    public void FieldLabel_FallsBackToTheKey_WhenThereIsNoLabel() =>
        Assert.Equal("noSuchField", UseCaseStrings.FieldLabel("noSuchField"));

    private static IReadOnlyDictionary<string, string[]> Collect(CultureInfo culture, Action<InputErrors> record)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var errors = new InputErrors();
            record(errors);
            return Assert.Throws<InvalidInputException>(errors.ThrowIfAny).Errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    // errors.Add("x", …), errors.Text("x", …), errors.Enum<T>("x", …), errors.Instant/Required("x"), InputErrors.Message("Key", "x", …),
    // Money.Check(errors, "x", …) and InvalidInputException.For(cond ? "a" : "b", …): the group holds the field argument.
    [GeneratedRegex("""(?:\b\w*[Ee]rrors\.(?:Add|Text|Enum(?:<[^>(]+>)?|Instant|Required)\(\s*|InputErrors\.Message\(\s*"\w+",\s*|Money\.Check\(\s*\w+,\s*|InvalidInputException\.For\(\s*)(?<field>"\w+"|[^,()"]*\?\s*"\w+"\s*:\s*"\w+")""")]
    private static partial Regex FieldArgument();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("UseCaseStrings\\.Format\\(\\s*\"(?:Field_\\w+|Money_Invalid)\"")]
    private static partial Regex DirectFieldMessage();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();
}
