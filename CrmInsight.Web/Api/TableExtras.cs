using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

namespace CrmInsight.Web.Api;

/// <summary>URL parameters a table takes beyond the filter (none yet; the customer of an order list later).</summary>
public static class TableExtras
{
    public static IReadOnlyList<string> Parameters(TableDefinition table) => [];

    public static SqlArgs Parse(TableDefinition table, IQueryCollection query, Dictionary<string, string[]> errors) => SqlArgs.Empty;
}
