using System.Globalization;
using System.Text;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.CompiledModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>
/// The running app uses a compiled EF Core model per provider (<see cref="BishanCompiledModels"/>, issue 15 start-up).
/// These facts fail when that model no longer matches the one built from <c>OnModelCreating</c> (an entity, property,
/// column type, key, foreign key or index changed without `dotnet ef dbcontext optimize` being run again, see the root
/// README), and when the model has changes no migration carries (the check Migrate no longer makes at start-up). No
/// database is needed: both providers are checked in every run.
/// </summary>
public sealed class CompiledModelFacts
{
    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_MatchesTheModelBuiltFromOnModelCreating(StorageProvider provider)
    {
        using var built = Context(provider, compiled: false);
        using var compiled = Context(provider, compiled: true);
        var fromCode = built.GetService<IDesignTimeModel>().Model;
        var runtime = compiled.Model;
        // The app really runs on the compiled model, not on one built at start-up.
        Assert.Same(BishanCompiledModels.For(provider).GetType(), runtime.GetType());

        Assert.Equal(Describe(fromCode), Describe(runtime));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_CarryEveryModelChange(StorageProvider provider)
    {
        using var built = Context(provider, compiled: false);
        Assert.False(built.Database.HasPendingModelChanges(),
            $"The model of BishanDbContext has changes that no {provider} migration carries: add a migration for both providers.");
    }

    [Fact]
    public void Describe_SeesAChangedColumn()
    {
        // The comparison can fail: the same model with one column's type changed reads differently.
        using var built = Context(StorageProvider.Sqlite, compiled: false);
        var before = Describe(built.GetService<IDesignTimeModel>().Model);
        var changed = before.Replace("column DisplayName TEXT", "column DisplayName INTEGER", StringComparison.Ordinal);
        Assert.NotEqual(before, changed);
    }

    private static BishanDbContext Context(StorageProvider provider, bool compiled)
    {
        var database = provider == StorageProvider.PostgreSql
            ? DatabaseOptions.PostgreSql("Host=localhost;Database=bishan_compiled_model_check")
            : DatabaseOptions.SqliteFile(Path.Combine(Path.GetTempPath(), "bishan-compiled-model-check.db"));
        var builder = new DbContextOptionsBuilder<BishanDbContext>();
        if (compiled) BishanDbContextOptions.ConfigureRuntime(builder, database);
        else BishanDbContextOptions.Configure(builder, database);
        return new BishanDbContext(builder.Options);
    }

    /// <summary>The model as the app and the database see it: entities and their properties, then tables, keys and indexes.</summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"entity {entity.Name} clr {entity.ClrType.Name} table {entity.GetSchemaQualifiedTableName()}");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  property {p.Name} {p.ClrType.Name} nullable {p.IsNullable} max {p.GetMaxLength()} token {p.IsConcurrencyToken} " +
                    $"generated {p.ValueGenerated} converter {p.GetValueConverter()?.GetType().Name} provider {p.GetTypeMapping().Converter?.ProviderClrType.Name}");
            foreach (var n in entity.GetNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture, $"  navigation {n.Name} {n.TargetEntityType.Name} collection {n.IsCollection}");
            foreach (var k in entity.GetKeys().OrderBy(k => Names(k.Properties), StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture, $"  key {Names(k.Properties)} primary {k.IsPrimaryKey()}");
            foreach (var f in entity.GetForeignKeys().OrderBy(f => Names(f.Properties), StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  foreign key {Names(f.Properties)} -> {f.PrincipalEntityType.Name} {Names(f.PrincipalKey.Properties)} delete {f.DeleteBehavior} required {f.IsRequired}");
        }

        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.SchemaQualifiedName, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"table {table.SchemaQualifiedName} key {table.PrimaryKey?.Name} ({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            foreach (var c in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture, $"  column {c.Name} {c.StoreType} nullable {c.IsNullable}");
            // An index's sort order is not kept in a compiled model (only migrations need it; they are checked below).
            foreach (var i in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique {i.IsUnique} filter {i.Filter}");
            foreach (var u in table.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture, $"  unique {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})");
            foreach (var f in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  constraint {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.SchemaQualifiedName} on delete {f.OnDeleteAction}");
        }

        return text.ToString();
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
