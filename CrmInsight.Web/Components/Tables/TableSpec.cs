using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Api;

namespace CrmInsight.Web.Components.Tables;

/// <summary>
/// What a grid shows and its export downloads, given once: the table and its parameters beyond the
/// filter, as the export URL carries them (<c>level=team</c>, <c>customer=42</c> …). The grid's
/// query arguments are read from those same pairs by the parser the export endpoint uses
/// (<see cref="TableExtras"/>), so screen and file cannot disagree. Make one with
/// <see cref="TableSpec.Of{TKey}"/> or a <see cref="TableExtras"/> factory.
/// </summary>
public sealed record TableSpec<TKey>(TableDefinition<TKey> Table, IReadOnlyList<(string Key, string Value)> Parameters)
    where TKey : notnull
{
    /// <summary>The query's arguments beyond the filter.</summary>
    public SqlArgs Arguments => TableExtras.Arguments(Table, Parameters);

    public bool Equals(TableSpec<TKey>? other) =>
        other is not null && Table == other.Table && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(Table.Name, Parameters.Count);
}

public static class TableSpec
{
    /// <summary>A table that takes nothing beyond the filter.</summary>
    public static TableSpec<TKey> Of<TKey>(TableDefinition<TKey> table) where TKey : notnull => new(table, []);
}
