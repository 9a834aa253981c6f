namespace Bishan.Workflow.Web.Documents;

/// <summary>No CJK font was found on the server, so a PDF with Chinese text cannot be made (install <c>fonts-wqy-microhei</c>, or <c>fonts-noto-cjk</c>).</summary>
public sealed class CjkFontMissingException(string searched) : Exception($"No CJK font found (searched {searched}); install the Debian package fonts-wqy-microhei (or fonts-noto-cjk).")
{
    public string Searched { get; } = searched;
}
