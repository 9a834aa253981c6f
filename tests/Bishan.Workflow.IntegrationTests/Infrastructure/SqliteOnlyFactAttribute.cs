using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Testing;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// A fact about SQLite itself (files, pragmas, the SQLitePCLRaw mix). It runs in the default SQLite pass and is reported
/// as skipped, with this reason, in the PostgreSQL pass, where the app under test has no SQLite database to look at.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.SelectedProvider != StorageProvider.Sqlite)
            Skip = $"SQLite-specific; runs in the SQLite pass ({TestDatabase.ProviderVariable} unset or Sqlite).";
    }
}
