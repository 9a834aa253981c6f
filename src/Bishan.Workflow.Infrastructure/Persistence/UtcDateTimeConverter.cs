using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>Stores times as they are (UTC by rule) and marks them UTC when read back.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
