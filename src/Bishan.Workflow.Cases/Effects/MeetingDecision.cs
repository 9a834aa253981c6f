using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bishan.Workflow.Cases.Effects;

/// <summary>One decision of a meeting: about a case (<see cref="CaseId"/>) or general (null).</summary>
public sealed record MeetingDecision(string? CaseId, string Text)
{
    private static readonly char[] Separators = [':', '：'];

    /// <summary>
    /// Reads what the secretary wrote: a JSON array <c>[{ "caseId": "...", "text": "..." }]</c>, or one decision
    /// per line as <c>caseId: text</c> (half- or full-width colon). A line without a colon is a general decision.
    /// </summary>
    public static IReadOnlyList<MeetingDecision> ParseList(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith('['))
            {
                try
                {
                    node = JsonNode.Parse(trimmed);
                }
                catch (JsonException)
                {
                    // Not JSON after all: read it as lines.
                }
            }
            if (node is JsonValue) return ParseLines(trimmed);
        }
        if (node is not JsonArray array) return [];
        return array.Select(item => item switch
            {
                JsonObject o => new MeetingDecision(Blank(o["caseId"]?.ToString()), o["text"]?.ToString()?.Trim() ?? ""),
                JsonValue s when s.TryGetValue<string>(out var line) => ParseLine(line),
                _ => null,
            })
            .OfType<MeetingDecision>()
            .Where(d => d.Text.Length > 0)
            .ToList();
    }

    private static List<MeetingDecision> ParseLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseLine)
            .Where(d => d.Text.Length > 0)
            .ToList();

    private static MeetingDecision ParseLine(string line)
    {
        var at = line.IndexOfAny(Separators);
        return at <= 0
            ? new MeetingDecision(null, line.Trim())
            : new MeetingDecision(Blank(line[..at].Trim()), line[(at + 1)..].Trim());
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
