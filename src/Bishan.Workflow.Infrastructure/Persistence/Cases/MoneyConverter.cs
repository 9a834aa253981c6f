using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

/// <summary>
/// Yuan amounts stored as whole fen (an integer column): SQLite keeps decimals as text and cannot sum or compare
/// them, while integers sum and compare exactly on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class MoneyConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);
