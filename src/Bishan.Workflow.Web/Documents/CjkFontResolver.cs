using System.Buffers.Binary;
using System.Text;
using PdfSharp.Fonts;

namespace Bishan.Workflow.Web.Documents;

/// <summary>
/// PDFsharp's font resolver for Chinese text, from the system's font folders. First choice is a CJK font with TrueType
/// (<c>glyf</c>) outlines, which PDFsharp subsets to the characters used, so a one-page 专报 stays well under 1 MB:
/// WenQuanYi Micro Hei (Debian <c>fonts-wqy-microhei</c>), else AR PL UMing (<c>fonts-arphic-uming</c>); bold is then drawn
/// by PDFsharp's simulated bold. Fallback is Noto Sans CJK (<c>fonts-noto-cjk</c>, regular and bold), whose CFF outlines
/// PDFsharp cannot subset: the whole face (about 13 MB) goes into every PDF. These files are TrueType collections
/// (<c>.ttc</c>), which PDFsharp does not read, so the Simplified Chinese face is cut out of the collection into a single font
/// file once and kept in memory. Every family asked for resolves to it: the 专报 is set in one typeface. No font found is a
/// <see cref="CjkFontMissingException"/> with the folders searched.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string Regular = "bishan-cjk-regular";
    public const string Bold = "bishan-cjk-bold";

    private static readonly string[] Folders = ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts")];
    private static readonly string[] FaceNames = ["WenQuanYi Micro Hei", "AR PL UMing CN", "Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans SC"];

    /// <summary>Collections with TrueType outlines (subset by PDFsharp), best first; one face serves regular and bold.</summary>
    private static readonly string[] SubsettableFiles = ["wqy-microhei.ttc", "uming.ttc"];
    private static readonly Lazy<CjkFontResolver> Shared = new(() => new CjkFontResolver());
    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> _regular;
    private readonly Lazy<byte[]> _bold;

    private readonly Lazy<string?> _subsettable = new(() => FindFile(SubsettableFiles));

    private CjkFontResolver()
    {
        _regular = new(() => (_subsettable.Value is { } file ? FaceFrom(file) : Load(bold: false))
                             ?? throw new CjkFontMissingException(string.Join(", ", Folders)));
        _bold = new(() => (_subsettable.Value is null ? Load(bold: true) : null) ?? _regular.Value);
    }

    /// <summary>Whether PDFs are set in a subsettable TrueType face (small files) rather than the Noto fallback.</summary>
    public static bool Subsets => Shared.Value._subsettable.Value is not null;

    /// <summary>Installs the resolver for the process (PDFsharp's setting is global); checks a CJK font is there.</summary>
    /// <exception cref="CjkFontMissingException">No Noto CJK font on this machine.</exception>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CjkFontResolver) GlobalFontSettings.FontResolver = Shared.Value;
        }
        _ = Shared.Value._regular.Value;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        bold && _subsettable.Value is not null ? new(Regular, mustSimulateBold: true, mustSimulateItalic: false) : new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faceName == Bold ? _bold.Value : _regular.Value;

    private static string? FindFile(string[] names)
    {
        foreach (var name in names)
            foreach (var folder in Folders.Where(Directory.Exists))
                if (Directory.EnumerateFiles(folder, name, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault() is { } file)
                    return file;
        return null;
    }

    private static byte[]? FaceFrom(string file)
    {
        var bytes = File.ReadAllBytes(file);
        if (bytes.Length < 12) return null;
        return Encoding.ASCII.GetString(bytes, 0, 4) != "ttcf" ? bytes : FaceOf(bytes);
    }

    private static byte[]? Load(bool bold)
    {
        var weight = bold ? "Bold" : "Regular";
        var files = Folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "Noto*CJK*", SearchOption.AllDirectories))
            .Where(f => Path.GetFileNameWithoutExtension(f).EndsWith("-" + weight, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Contains("Sans", StringComparison.Ordinal) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
            if (FaceFrom(file) is { } face)
                return face;
        return null;
    }

    /// <summary>The Simplified Chinese face of a TrueType collection as a font file of its own (its tables copied, offsets rewritten).</summary>
    private static byte[]? FaceOf(byte[] ttc)
    {
        var count = (int)U32(ttc, 8);
        byte[]? first = null;
        for (var i = 0; i < count; i++)
        {
            var face = Extract(ttc, (int)U32(ttc, 12 + 4 * i));
            first ??= face;
            if (FaceNames.Any(n => Names(face).Contains(n, StringComparison.Ordinal))) return face;
        }
        return first;
    }

    private static byte[] Extract(byte[] ttc, int offset)
    {
        int tables = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(offset + 4));
        var headerLength = 12 + 16 * tables;
        var total = headerLength;
        for (var t = 0; t < tables; t++) total += Pad((int)U32(ttc, offset + 12 + 16 * t + 12));
        var font = new byte[total];
        Array.Copy(ttc, offset, font, 0, headerLength);
        var position = headerLength;
        for (var t = 0; t < tables; t++)
        {
            var record = offset + 12 + 16 * t;
            var (from, length) = ((int)U32(ttc, record + 8), (int)U32(ttc, record + 12));
            Array.Copy(ttc, from, font, position, length);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * t + 8), (uint)position);
            position += Pad(length);
        }
        return font;
    }

    /// <summary>The font's 'name' table read as UTF-16 big-endian text (family names of Windows-platform records are in it).</summary>
    private static string Names(byte[] font)
    {
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + 16 * t;
            if (Encoding.ASCII.GetString(font, record, 4) != "name") continue;
            var (from, length) = ((int)U32(font, record + 8), (int)U32(font, record + 12));
            // Strings may start at odd offsets (Macintosh records are one byte a character): read both alignments.
            return Encoding.BigEndianUnicode.GetString(font, from, length & ~1) + "\n" + Encoding.BigEndianUnicode.GetString(font, from + 1, (length - 1) & ~1);
        }
        return "";
    }

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));

    private static int Pad(int length) => (length + 3) & ~3;
}
