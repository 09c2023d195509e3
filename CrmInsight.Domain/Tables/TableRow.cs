using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

/// <summary>One row of a table as the grid renders it: its typed key and a typed cell per column (in the definition's column order).</summary>
public sealed record TableRow<TKey>(TKey Key, IReadOnlyList<TableCell> Cells) where TKey : notnull;

/// <summary>
/// One cell as its column's kind reads it: <see cref="Text"/> for text columns, <see cref="Number"/>
/// for money, counts, numbers and fractions (null: undefined, a ratio with nothing to divide by),
/// <see cref="Date"/> for dates. Engines hand back INT, BIGINT, DECIMAL or DOUBLE for the same
/// SQL; the cell is always a decimal.
/// </summary>
public readonly record struct TableCell(string? Text = null, decimal? Number = null, DateOnly? Date = null)
{
    internal static TableCell Read(SqlRow row, TableColumn column) => column.Kind switch
    {
        ColumnKind.Text => new(Text: row.GetString(column.Field)),
        ColumnKind.Date => new(Date: row.GetDate(column.Field)),
        _ => new(Number: row.GetDecimal(column.Field)),
    };
}

/// <summary>One page of a table's rows and the number of rows in all pages.</summary>
public sealed record TablePage<TKey>(IReadOnlyList<TableRow<TKey>> Rows, long Total) where TKey : notnull;
