using System.Numerics;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

namespace CrmInsight.Tests.Domain.Tables;

/// <summary>A query row becomes the grid's typed row: the key the table declares and a typed cell per column, whatever numeric type the engine returned.</summary>
public sealed class TableRowTests
{
    private static SqlRow Ticket(object? customerId) => new(new Dictionary<string, object?>
    {
        ["ticket_id"] = 5L, ["ticket_code"] = "T5", ["customer_code"] = "C4", ["customer"] = "Cai", ["customer_id"] = customerId,
        ["channel"] = "email", ["category"] = "billing", ["agent"] = "Wang Fang", ["submitted_at"] = new DateTime(2024, 3, 6, 10, 0, 0),
        ["response_minutes"] = 30.5d, ["resolution_hours"] = null, ["is_complaint"] = new BigInteger(1), ["total_rows"] = 1L,
    });

    [Fact]
    public void A_ticket_row_keeps_its_customer_and_reads_each_cell_as_its_columns_kind()
    {
        var row = TableCatalog.Tickets.Read(Ticket(4));

        Assert.Equal(new TicketRowKey(5, 4), row.Key);
        Assert.Equal(TableCatalog.Tickets.Columns.Count, row.Cells.Count);
        Assert.Equal("T5", row.Cells[0].Text);
        Assert.Equal(new DateOnly(2024, 3, 6), row.Cells[6].Date); // a DATETIME shown as its date
        Assert.Equal(30.5m, row.Cells[7].Number); // DOUBLE from one engine, DECIMAL from the other: a decimal
        Assert.Null(row.Cells[8].Number); // not resolved: undefined, not 0
        Assert.Equal(1m, row.Cells[9].Number); // HUGEINT
    }

    [Fact]
    public void A_ticket_without_a_customer_has_no_customer_to_open()
    {
        Assert.Equal(new TicketRowKey(5, null), TableCatalog.Tickets.Read(Ticket(null)).Key);
    }

    [Fact]
    public void A_drill_row_of_sales_without_a_member_has_no_member_and_ids_compare_as_numbers()
    {
        SqlRow Member(object? id) => new(TableCatalog.Drill.Columns.Select(c => new KeyValuePair<string, object?>(c.Field, null))
            .Append(new("member_id", id)));

        Assert.Equal(new DrillRowKey(null), TableCatalog.Drill.Read(Member(null)).Key);
        Assert.Equal(TableCatalog.Drill.Read(Member(7)).Key, TableCatalog.Drill.Read(Member(7.0m)).Key); // INT and DECIMAL
    }
}
