using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

/// <summary>One page of a table's query rows as the database returned them (mapped to <see cref="TablePage{TKey}"/> for the grid; tests read the SQL's columns here).</summary>
internal sealed record SqlTablePage(IReadOnlyList<SqlRow> Rows, long Total);
