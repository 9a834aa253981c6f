namespace Bishan.Workflow.Web.Documents;

/// <summary>No CJK font was found on the server, so a PDF with Chinese text cannot be made (install <c>fonts-noto-cjk</c>).</summary>
public sealed class CjkFontMissingException(string searched) : Exception($"No Noto CJK font found (searched {searched}); install the Debian package fonts-noto-cjk.")
{
    public string Searched { get; } = searched;
}
