using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

/// <summary>One page of a table and the number of rows in all pages.</summary>
public sealed record TablePage(IReadOnlyList<SqlRow> Rows, long Total);
