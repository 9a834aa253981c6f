namespace Bishan.Workflow.Cases.Access;

/// <summary>Minors' names where the reader's scope does not cover the case: the family name stays, the rest is starred (张**).</summary>
public static class PersonNames
{
    public static string Mask(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= 1 ? "*" : string.Concat(trimmed.AsSpan(0, 1), new string('*', trimmed.Length - 1));
    }
}
