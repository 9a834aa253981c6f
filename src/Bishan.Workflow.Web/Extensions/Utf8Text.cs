using System.Text;

namespace Bishan.Workflow.Web.Extensions;

internal static class Utf8Text
{
    /// <summary>UTF-8 without the byte-order mark that Windows editors (and some Elsa exports) put first.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(preamble)) bytes = bytes[preamble.Length..];
        return Encoding.UTF8.GetString(bytes);
    }
}
