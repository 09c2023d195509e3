using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Tables;

/// <summary>
/// The KPI columns of a table (<see cref="TableColumn.Kpi"/>): each row's value is the KPI as the
/// catalog defines it (its formula over the row's measures, undefined where the KPI is for the scope),
/// so the table never re-derives a KPI. Such a table is sorted and paged here, after the values exist.
/// </summary>
public static class TableKpis
{
    /// <summary>The rows with their KPI columns set, at the scale the table's SQL columns have (money 2, ratios 4 places).</summary>
    public static IReadOnlyList<SqlRow> Compute(TableDefinition table, IReadOnlyList<SqlRow> rows, KpiCatalog catalog, DataScope scope)
    {
        var kpis = table.Columns.Where(c => c.Kpi is not null).Select(c => (c.Field, Definition: catalog.Get(c.Kpi!), Places: c.Kind == ColumnKind.Money ? 2 : 4)).ToList();
        return [.. rows.Select(row =>
        {
            var values = row.Columns.ToDictionary(c => c, c => row[c], StringComparer.OrdinalIgnoreCase);
            foreach (var (field, definition, places) in kpis)
            {
                var value = definition.ValueFor(new MeasureContext(row, null), scope);
                values[field] = value is { } v ? Math.Round(v, places, MidpointRounding.AwayFromZero) : null;
            }
            return new SqlRow(values);
        })];
    }

    /// <summary>
    /// The rows in the order <paramref name="request"/> asks (its column whitelisted by
    /// <see cref="TableDefinition.Request"/>), undefined values last either way, ties in the order the
    /// query returned them (its ORDER BY names the row's key; LINQ's ordering is stable).
    /// </summary>
    public static IReadOnlyList<SqlRow> Sort(TableDefinition table, IReadOnlyList<SqlRow> rows, TableRequest request)
    {
        var column = table.Columns.First(c => string.Equals(c.Field, request.Sort, StringComparison.OrdinalIgnoreCase));
        var field = column.SortBy ?? column.Field;
        var defined = rows.Where(r => r[field] is not (null or DBNull));
        var ordered = column.Kind == ColumnKind.Text
            ? (request.Descending ? defined.OrderByDescending(r => r.GetString(field), StringComparer.Ordinal) : defined.OrderBy(r => r.GetString(field), StringComparer.Ordinal))
            : column.Kind == ColumnKind.Date
                ? (request.Descending ? defined.OrderByDescending(r => r.GetDate(field)) : defined.OrderBy(r => r.GetDate(field)))
                : (request.Descending ? defined.OrderByDescending(r => r.GetDecimal(field)) : defined.OrderBy(r => r.GetDecimal(field)));
        return [.. ordered, .. rows.Where(r => r[field] is null or DBNull)];
    }
}
