using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>Runs every figure provider in order and numbers the sections (一、二、…) as a 专报 does.</summary>
public sealed class SpecialReportComposer(IEnumerable<ISpecialReportSection> providers)
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    public async Task<List<SpecialReportSection>> ComposeAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var sections = new List<SpecialReportSection>();
        foreach (var provider in providers.OrderBy(p => p.Order).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (await provider.WriteAsync(context, cancellationToken) is not { } draft) continue;
            var n = sections.Count;
            sections.Add(new SpecialReportSection
            {
                Position = n + 1,
                Key = provider.Key,
                Heading = CaseTexts.Format("Report_SectionHeading", n < Numerals.Length ? Numerals[n] : (n + 1).ToString(CaseTexts.Culture), draft.Heading),
                Body = draft.Body,
            });
        }
        return sections;
    }
}
