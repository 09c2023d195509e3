using System.Globalization;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// Rows as comparable text, a line per row with its columns in name order: dates as days,
/// numbers in the invariant culture, text as is, NULL as "null". For tests that hold two
/// queries' rows equal (an unfiltered twin and its namesake, an engine's text and the shared one).
/// </summary>
public static class RowText
{
    public static List<string> Of(IEnumerable<SqlRow> rows) =>
        [.. rows.Select(r => string.Join("; ", r.Columns.Order(StringComparer.Ordinal).Select(c => $"{c}={Value(r, c)}")))];

    private static string Value(SqlRow row, string column) => row[column] switch
    {
        null => "null",
        DateOnly or DateTime => row.GetDate(column)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string text => text,
        _ => row.GetDecimal(column)?.ToString(CultureInfo.InvariantCulture) ?? "null",
    };
}
