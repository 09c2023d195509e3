using System.Globalization;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

namespace CrmInsight.Web.Api;

/// <summary>URL parameters a table takes beyond the filter: the drill level, the customer of an order list.</summary>
public static class TableExtras
{
    public const string Level = "level";
    public const string Customer = "customer";

    public static IReadOnlyList<string> Parameters(TableDefinition table) =>
        table == TableCatalog.Drill ? [Level] : table == TableCatalog.CustomerOrders ? [Customer] : [];

    internal static SqlArgs Parse(TableDefinition table, IQueryCollection query, RequestErrors errors)
    {
        if (table == TableCatalog.Drill)
        {
            var text = query[Level].LastOrDefault();
            if (text is not null && DrillLevels.FromUrlName(text) is null)
            {
                errors.Add(Level, $"'{text}' is not a drill level (region, team, rep, customer).");
            }
            return ForLevel(DrillLevels.FromUrlName(text) ?? DrillLevel.Region);
        }
        if (table == TableCatalog.CustomerOrders)
        {
            var text = query[Customer].LastOrDefault();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add(Customer, $"'{text}' is not a customer id.");
            }
            return ForCustomer(id);
        }
        return SqlArgs.Empty;
    }

    public static SqlArgs ForLevel(DrillLevel level) => SqlArgs.Empty.With("level", level.UrlName());

    public static SqlArgs ForCustomer(long customerId) => SqlArgs.Empty.With("customer_id", customerId);
}
