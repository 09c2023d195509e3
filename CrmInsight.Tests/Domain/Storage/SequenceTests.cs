using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using Dapper;

namespace CrmInsight.Tests.Domain.Storage;

/// <summary>New ids come from sequences: each reservation is a block of its own, and a sequence left behind by a bulk load is set past the table's highest id.</summary>
public sealed class SequenceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Two_reservations_get_disjoint_consecutive_blocks_after_the_highest_id()
    {
        var highest = await Scalar("SELECT MAX(order_id) FROM fact_order");

        var first = await ReserveOrdersAsync(3);
        var second = await ReserveOrdersAsync(2);

        Assert.Equal(highest + 1, first); // the golden rows' ids were written directly; the sync moved the sequence past them
        Assert.Equal(first + 3, second); // the first block is first..first+2, whatever the second caller does
    }

    [Fact]
    public async Task A_database_from_before_the_sequences_gets_them_started_past_its_rows()
    {
        await using (var connection = await _db.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DROP SEQUENCE seq_order; DROP SEQUENCE seq_key");
        }
        var highest = await Scalar("SELECT MAX(order_id) FROM fact_order");

        await SchemaInstaller.InstallAsync(_db.Database, SqlCatalog.Default);

        Assert.Equal(highest + 1, await ReserveOrdersAsync(1));
        Assert.Equal(1L, await Scalar("SELECT nextval('seq_key')")); // no keys yet: starts at 1
    }

    private async Task<long> ReserveOrdersAsync(int count)
    {
        await using var connection = await _db.Database.OpenConnectionAsync();
        var row = (await _db.Runner.QueryRowsAsync("ingest/reserve_ids",
            SqlArgs.Empty.With("orders", count).With("customers", 0).With("tickets", 0).With("surveys", 0).With("opportunities", 0), connection, null))[0];
        Assert.Null(row["customer_id"]); // nothing asked, nothing taken
        return row.GetInt64("order_id");
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = await _db.Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
