using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Stores times as UTC (by rule they are; an unspecified kind is taken as UTC, since PostgreSQL's timestamptz refuses
/// it) and marks them UTC when read back (SQLite hands them back unspecified).
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
