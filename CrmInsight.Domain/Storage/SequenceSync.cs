using System.Data.Common;
using Dapper;

namespace CrmInsight.Domain.Storage;

/// <summary>
/// DuckDB: sets each id sequence past its table's highest id. Bulk loads (the demo generator,
/// a database made before the sequences existed, a test's rows) write their own ids and leave a
/// sequence behind; DuckDB cannot restart a sequence, so one that is behind is recreated.
/// </summary>
public static class SequenceSync
{
    public static readonly IReadOnlyList<(string Sequence, string Table, string Column)> Sequences =
    [
        ("seq_order", "fact_order", "order_id"),
        ("seq_customer", "dim_customer", "customer_id"),
        ("seq_ticket", "fact_ticket", "ticket_id"),
        ("seq_survey", "fact_survey", "survey_id"),
        ("seq_opportunity", "fact_opportunity", "opportunity_id"),
        ("seq_key", "app_key", "key_id"),
    ];

    public static async Task SyncAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        foreach (var (sequence, table, column) in Sequences)
        {
            var highest = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COALESCE(MAX({column}), 0) FROM {table}", cancellationToken: cancellationToken));
            // The value nextval would hand out, read without taking it.
            var next = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COALESCE(last_value + increment_by, start_value) FROM duckdb_sequences() WHERE sequence_name = $name",
                new { name = sequence }, cancellationToken: cancellationToken));
            if (next <= highest)
            {
                await connection.ExecuteAsync(new CommandDefinition($"DROP SEQUENCE {sequence}; CREATE SEQUENCE {sequence} START {highest + 1}", cancellationToken: cancellationToken));
            }
        }
    }
}
