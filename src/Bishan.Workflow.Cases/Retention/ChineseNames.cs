namespace Bishan.Workflow.Cases.Retention;

/// <summary>How an anonymised file names the minor: the family name and 某 (王小明 → 王某, 欧阳娜娜 → 欧阳某).</summary>
public static class ChineseNames
{
    public const string Placeholder = "某";

    // Two-character family names that occur in Chongqing registers; any other name keeps its first character.
    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "令狐", "钟离", "端木", "独孤", "南宫", "西门", "百里", "呼延", "闻人", "澹台", "申屠", "万俟",
    ];

    public static string Reduce(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return Placeholder;
        if (trimmed.EndsWith(Placeholder, StringComparison.Ordinal) && trimmed.Length <= 3) return trimmed;
        var surname = trimmed.Length >= 3 && CompoundSurnames.Any(s => trimmed.StartsWith(s, StringComparison.Ordinal))
            ? trimmed[..2]
            : trimmed[..1];
        return surname + Placeholder;
    }
}
