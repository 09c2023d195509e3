using CrmInsight.Domain.Tables;

namespace CrmInsight.Web.Components.Tables;

/// <summary>
/// A row as the grid keys it: by the row's typed key, not by object. MudTable keys its row
/// components by item, and every re-read (a live change, a reload for the same filter) returns
/// new row objects; keyed by reference, each re-read disposed every row component and Blazor
/// drops a click that arrives for a disposed component, so a click during a re-render did
/// nothing. Keyed by identity, the row component stays and takes the new values.
/// </summary>
public sealed class GridRow<TKey>(TableRow<TKey> row, int occurrence) : IEquatable<GridRow<TKey>>
    where TKey : notnull
{
    public TableRow<TKey> Row => row;

    private int Occurrence => occurrence;

    public bool Equals(GridRow<TKey>? other) => other is not null && row.Key.Equals(other.Row.Key) && occurrence == other.Occurrence;

    public override bool Equals(object? obj) => Equals(obj as GridRow<TKey>);

    public override int GetHashCode() => HashCode.Combine(row.Key, occurrence);
}

public static class GridRow
{
    /// <summary>The rows of one page; a key seen twice (it should not be) is told apart by its occurrence.</summary>
    public static IReadOnlyList<GridRow<TKey>> Of<TKey>(IEnumerable<TableRow<TKey>> rows) where TKey : notnull
    {
        var seen = new Dictionary<TKey, int>();
        var result = new List<GridRow<TKey>>();
        foreach (var tableRow in rows)
        {
            var occurrence = seen.TryGetValue(tableRow.Key, out var n) ? n + 1 : 0;
            seen[tableRow.Key] = occurrence;
            result.Add(new GridRow<TKey>(tableRow, occurrence));
        }
        return result;
    }
}
