using CrmInsight.Domain.Sql;

namespace CrmInsight.Web.Components.Tables;

/// <summary>
/// A row as the grid keys it: by the table's key column, not by object. MudTable keys its row
/// components by item, and every re-read (a live change, a reload for the same filter) returns
/// new <see cref="SqlRow"/> objects; keyed by reference, each re-read disposed every row
/// component and Blazor drops a click that arrives for a disposed component, so a click during
/// a re-render did nothing. Keyed by identity, the row component stays and takes the new values.
/// </summary>
public sealed class GridRow(SqlRow row, object? key, int occurrence) : IEquatable<GridRow>
{
    public SqlRow Row => row;

    /// <summary>The rows of one page; a key seen twice (it should not be) is told apart by its occurrence.</summary>
    public static IReadOnlyList<GridRow> Of(IEnumerable<SqlRow> rows, string keyField)
    {
        var seen = new Dictionary<object, int>();
        var result = new List<GridRow>();
        foreach (var sqlRow in rows)
        {
            var key = Normalise(sqlRow[keyField]);
            var occurrence = seen.TryGetValue(key ?? DBNull.Value, out var n) ? n + 1 : 0;
            seen[key ?? DBNull.Value] = occurrence;
            result.Add(new GridRow(sqlRow, key, occurrence));
        }
        return result;
    }

    public bool Equals(GridRow? other) => other is not null && Equals(key, other.Key) && occurrence == other.Occurrence;

    public override bool Equals(object? obj) => Equals(obj as GridRow);

    public override int GetHashCode() => HashCode.Combine(key, occurrence);

    private object? Key => key;

    private int Occurrence => occurrence;

    // An id may come back as INT from one engine and BIGINT or DECIMAL from another: compare numbers as numbers.
    private static object? Normalise(object? value) => value switch
    {
        null or DBNull => null,
        byte or short or int or long or decimal or double or float or System.Numerics.BigInteger => SqlRow.ToDecimal(value),
        _ => value,
    };
}
