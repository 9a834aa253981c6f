using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>A synthetic minor for demo data. A plain record, not an entity: the persistence layer maps it.</summary>
/// <param name="Id">Deterministic for a given seed, so demo links and screenshots stay stable between runs.</param>
/// <param name="Name">A Chinese name (surname + given name).</param>
/// <param name="Gender">Consistent with <paramref name="IdNumber"/>.</param>
/// <param name="DateOfBirth">Consistent with <paramref name="IdNumber"/>; aged 6–17 on the generator's "today".</param>
/// <param name="IdNumber">A valid synthetic number, unique within the data set.</param>
/// <param name="OrgUnitId">The minor's school or community.</param>
public sealed record DemoMinor(Guid Id, string Name, Gender Gender, DateOnly DateOfBirth, IdNumber IdNumber, string OrgUnitId);
