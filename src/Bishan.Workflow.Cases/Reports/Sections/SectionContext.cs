using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>What a figure provider drafts from: the database, the meeting reported on (if any) and the report's instant.</summary>
public sealed record SectionContext(ICasesDbContext Db, Meeting? Meeting, DateTime NowUtc);
