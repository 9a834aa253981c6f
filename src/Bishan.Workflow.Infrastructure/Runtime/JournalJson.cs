using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Infrastructure.Persistence.Entities;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// The stored form of a pass's journal (<see cref="WorkflowJournalRecord"/>): one row per pass whose events are a JSON
/// array in <see cref="WorkflowJournalRecord.EntriesJson"/>, one object per event with short keys — <c>a</c> activity id,
/// <c>n</c> node id, <c>t</c> activity type, <c>an</c> activity name, <c>e</c> event, <c>m</c> message, <c>er</c> error,
/// <c>d</c> the event's time in ticks after the row's <see cref="WorkflowJournalRecord.TimestampUtc"/>. Absent or null
/// keys are null (0 for <c>d</c>); the events' sequence numbers follow the row's <see cref="WorkflowJournalRecord.Sequence"/>.
/// Rows converted from the one-row-per-event journal (migration <c>PerfEngine6Journal</c>) hold one event each.
/// </summary>
internal static class JournalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Messages are often Chinese: kept as UTF-8 rather than \u escapes (half the bytes). The text is stored, never
        // written into HTML by this code.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>The row for a pass's journal, or null when the pass journaled nothing.</summary>
    public static WorkflowJournalRecord? ToRecord(string instanceId, IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0) return null;
        var first = entries[0];
        for (var i = 1; i < entries.Count; i++)
            if (entries[i].Sequence != first.Sequence + i)
                throw new ArgumentException("A pass's journal entries are numbered one after the other.", nameof(entries));
        return new WorkflowJournalRecord
        {
            InstanceId = instanceId,
            Sequence = first.Sequence,
            EntryCount = entries.Count,
            TimestampUtc = first.TimestampUtc,
            EntriesJson = Write(entries, first.TimestampUtc),
        };
    }

    private static string Write(IReadOnlyList<JournalEntry> entries, DateTime start)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * entries.Count);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteString("a"u8, e.ActivityId);
                json.WriteString("n"u8, e.NodeId);
                json.WriteString("t"u8, e.ActivityType);
                if (e.ActivityName is not null) json.WriteString("an"u8, e.ActivityName);
                json.WriteString("e"u8, e.EventName);
                if (e.Message is not null) json.WriteString("m"u8, e.Message);
                if (e.Error is not null) json.WriteString("er"u8, e.Error);
                var delta = e.TimestampUtc.Ticks - start.Ticks;
                if (delta != 0) json.WriteNumber("d"u8, delta);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The row's events, in order.</summary>
    public static IEnumerable<JournalEntry> Entries(WorkflowJournalRecord row)
    {
        using var document = JsonDocument.Parse(row.EntriesJson);
        var start = DateTime.SpecifyKind(row.TimestampUtc, DateTimeKind.Utc);
        var sequence = row.Sequence;
        var entries = new List<JournalEntry>(document.RootElement.GetArrayLength());
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var delta = e.TryGetProperty("d"u8, out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt64() : 0;
            entries.Add(new JournalEntry(sequence++, Text(e, "a"u8) ?? "", Text(e, "n"u8) ?? "", Text(e, "t"u8) ?? "", Text(e, "an"u8),
                Text(e, "e"u8) ?? "", Text(e, "m"u8), Text(e, "er"u8), start.AddTicks(delta)));
        }
        return entries;
    }

    private static string? Text(JsonElement entry, ReadOnlySpan<byte> key) =>
        entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
