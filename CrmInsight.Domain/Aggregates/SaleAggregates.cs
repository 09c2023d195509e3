using System.Data.Common;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Aggregates;

/// <summary>
/// The order pre-aggregates (agg_first_sale, agg_sale_chain): refreshed for the customers a
/// write touched, in the writer's transaction, or rebuilt whole. Both are pure functions of
/// fact_order, so a refresh is "delete the touched customers' rows from the earliest touched
/// date, insert them again from the facts" and a rebuild is the same for every customer.
/// </summary>
public sealed class SaleAggregates(QueryRunner runner, TimeProvider time)
{
    /// <summary>The name recorded in aggregate_state once the aggregates of this build exist.</summary>
    public const string StateName = "sales_v1";

    // Customers per statement: the ids become one bound parameter each.
    private const int CustomerBatch = 500;

    private static readonly DateOnly Beginning = new(1900, 1, 1);

    /// <summary>Refreshes the aggregates of the customers in <paramref name="changes"/> (nothing when none).</summary>
    public async Task RefreshAsync(OrderChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        if (changes.IsEmpty)
        {
            return;
        }
        foreach (var chunk in changes.CustomerIds.Order().Chunk(CustomerBatch))
        {
            await RunAsync(SqlArgs.Empty.With("all_customers", 0).With("customer_ids", chunk).With("from_date", changes.From!.Value), connection, transaction, cancellationToken);
        }
    }

    /// <summary>Rebuilds both aggregates from all orders and records it (imports, the demo load, `aggregates rebuild`).</summary>
    public async Task RebuildAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RunAsync(SqlArgs.Empty.With("all_customers", 1).With("customer_ids", Array.Empty<long>()).With("from_date", Beginning), connection, transaction, cancellationToken);
        var state = SqlArgs.Empty.With("name", StateName).With("built_at", time.GetUtcNow().UtcDateTime);
        await runner.ExecuteAsync("aggregates/clear_state", state, connection, transaction, cancellationToken);
        await runner.ExecuteAsync("aggregates/mark_built", state, connection, transaction, cancellationToken);
    }

    /// <summary>Builds the aggregates of a database made before they existed (once, when it is opened).</summary>
    /// <returns>true when they had to be built.</returns>
    public async Task<bool> EnsureBuiltAsync(ICrmDatabase database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var state = await runner.QueryRowsAsync("aggregates/state", SqlArgs.Empty, connection, null, cancellationToken);
        if (state.Any(r => r.GetString("name") == StateName))
        {
            return false;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RebuildAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RunAsync(SqlArgs args, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await runner.ExecuteAsync("aggregates/first_sale_delete", args, connection, transaction, cancellationToken);
        await runner.ExecuteAsync("aggregates/first_sale_insert", args, connection, transaction, cancellationToken);
        await runner.ExecuteAsync("aggregates/sale_chain_delete", args, connection, transaction, cancellationToken);
        await runner.ExecuteAsync("aggregates/sale_chain_insert", args, connection, transaction, cancellationToken);
    }
}
