using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>The JSON shapes of criteria: items of a version and the ticked answers recorded with a judgement.</summary>
public static class CriteriaJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<CriterionItem> items) => JsonSerializer.Serialize(items, Options);

    public static IReadOnlyList<CriterionItem> Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<CriterionItem>>(json, Options) ?? [];

    public static JsonArray ItemsNode(IReadOnlyList<CriterionItem> items) =>
        JsonSerializer.SerializeToNode(items, Options) as JsonArray ?? [];

    public static IReadOnlyList<CriterionItem> ParseItems(JsonNode? node) =>
        node is JsonArray array ? array.Deserialize<List<CriterionItem>>(Options) ?? [] : [];

    public static string SerializeAnswers(IReadOnlyList<CriterionAnswer> answers) => JsonSerializer.Serialize(answers, Options);

    public static IReadOnlyList<CriterionAnswer> DeserializeAnswers(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || !json.TrimStart().StartsWith('[')) return [];
        try
        {
            return JsonSerializer.Deserialize<List<CriterionAnswer>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            // Evaluations from before the gate stored a plain list of ticked texts.
            return [];
        }
    }
}

/// <summary>One ticked criterion as recorded with a screening or exit evaluation: the text as judged and the evidence.</summary>
public sealed record CriterionAnswer(string Id, string TextZh, string TextEn, bool Required, string Evidence)
{
    public string Text(System.Globalization.CultureInfo? culture = null) => new CriterionItem(Id, TextZh, TextEn, Required).Text(culture);
}
