using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// How JSON columns (forms, submitted data, checklists) are written: Chinese stays readable in the database and in
/// exports instead of becoming <c>\uXXXX</c>; HTML-sensitive characters are still escaped.
/// </summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}
