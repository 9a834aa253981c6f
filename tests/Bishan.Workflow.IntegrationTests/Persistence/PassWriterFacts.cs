using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>The plain-SQL instance writes read back through the plain-SQL reads.</summary>
public sealed class PassWriterFacts
{
    private static readonly DateTime Created = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    [InlineData(true, false, true)]
    public async Task UpdateInstanceAsync_StoresEveryChangedValue_WhicheverIndexedColumnsChanged(bool status, bool subStatus, bool correlation)
    {
        await using var host = await RuntimeHost.StartAsync();
        await using var lease = await host.Get<RuntimeSessionPool>().RentAsync(CancellationToken.None);
        var writer = new PassWriter(lease.Session.Commands, transaction: null);
        var row = NewRow();
        await writer.InsertInstanceAsync(row, CancellationToken.None);
        var read = PassWriter.IndexedValues.Of(row);

        if (status) row.Status = WorkflowStatus.Finished;
        if (subStatus) row.SubStatus = WorkflowSubStatus.Suspended;
        if (correlation) row.CorrelationId = "changed";
        row.StateJson = "{\"changed\":true}";
        row.UpdatedAtUtc = Created.AddMinutes(5);
        row.FinishedAtUtc = Created.AddMinutes(6);
        row.ConcurrencyToken = 2;
        Assert.True(await writer.UpdateInstanceAsync(row, read, readToken: 1, CancellationToken.None));

        var stored = await InstanceReads.ByIdAsync(lease.Session, row.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(status ? WorkflowStatus.Finished : WorkflowStatus.Running, stored.Status);
        Assert.Equal(subStatus ? WorkflowSubStatus.Suspended : WorkflowSubStatus.Executing, stored.SubStatus);
        Assert.Equal(correlation ? "changed" : "c1", stored.CorrelationId);
        Assert.Equal("{\"changed\":true}", stored.StateJson);
        Assert.Equal(Created.AddMinutes(5), stored.UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, stored.UpdatedAtUtc.Kind);
        Assert.Equal(Created.AddMinutes(6), stored.FinishedAtUtc);
        Assert.Equal(2, stored.ConcurrencyToken);
    }

    [Fact]
    public async Task UpdateInstanceAsync_WritesNothing_WhenTheTokenNoLongerMatches()
    {
        await using var host = await RuntimeHost.StartAsync();
        await using var lease = await host.Get<RuntimeSessionPool>().RentAsync(CancellationToken.None);
        var writer = new PassWriter(lease.Session.Commands, transaction: null);
        var row = NewRow();
        await writer.InsertInstanceAsync(row, CancellationToken.None);
        var read = PassWriter.IndexedValues.Of(row);

        row.Status = WorkflowStatus.Finished;
        row.StateJson = "{\"lost\":true}";
        row.ConcurrencyToken = 8;

        Assert.False(await writer.UpdateInstanceAsync(row, read, readToken: 7, CancellationToken.None));
        var stored = await InstanceReads.ByIdAsync(lease.Session, row.Id, CancellationToken.None);
        Assert.Equal(WorkflowStatus.Running, stored!.Status);
        Assert.Equal("{}", stored.StateJson);
        Assert.Equal(1, stored.ConcurrencyToken);
    }

    /// <summary>
    /// The runtime writes and reads its rows without EF Core (on SQLite through SQLite's own interface, round five): what it
    /// writes must be what EF Core reads, to the microsecond, nulls included, and a database error must still surface as one.
    /// </summary>
    [Fact]
    public async Task InsertInstanceAsync_WritesWhatEfCoreReads_AndARepeatedIdFailsAsADatabaseError()
    {
        await using var host = await RuntimeHost.StartAsync();
        await using var lease = await host.Get<RuntimeSessionPool>().RentAsync(CancellationToken.None);
        var writer = new PassWriter(lease.Session.Commands, transaction: null);
        var row = NewRow();
        // Microseconds: the finest time both databases keep.
        row.CreatedAtUtc = Created.AddTicks(1_234_560);
        row.CorrelationId = null;
        row.TriggerInputJson = "{\"n\":\"\u58c1\u5c71\"}";
        await writer.InsertInstanceAsync(row, CancellationToken.None);

        var viaEf = await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == row.Id));
        Assert.Equal(row.CreatedAtUtc, viaEf.CreatedAtUtc);
        Assert.Null(viaEf.CorrelationId);
        Assert.Null(viaEf.FinishedAtUtc);
        Assert.Equal("{\"n\":\"\u58c1\u5c71\"}", viaEf.TriggerInputJson);
        var viaRuntime = await InstanceReads.ByIdAsync(lease.Session, row.Id, CancellationToken.None);
        Assert.NotNull(viaRuntime);
        Assert.Equal((row.CreatedAtUtc, DateTimeKind.Utc), (viaRuntime.CreatedAtUtc, viaRuntime.CreatedAtUtc.Kind));
        Assert.Null(viaRuntime.CorrelationId);
        Assert.Equal(row.TriggerInputJson, viaRuntime.TriggerInputJson);
        Assert.Null(await InstanceReads.ByIdAsync(lease.Session, "no-such-instance", CancellationToken.None));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writer.InsertInstanceAsync(row, CancellationToken.None));
        Assert.NotNull(await InstanceReads.ByIdAsync(lease.Session, row.Id, CancellationToken.None));
    }

    private static WorkflowInstanceRecord NewRow() => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        DefinitionId = "d",
        DefinitionVersion = 1,
        DefinitionVersionId = "v",
        CorrelationId = "c1",
        Status = WorkflowStatus.Running,
        SubStatus = WorkflowSubStatus.Executing,
        StateJson = "{}",
        CreatedAtUtc = Created,
        UpdatedAtUtc = Created,
        ConcurrencyToken = 1,
    };
}
