using System.Globalization;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Components.Tables;

namespace CrmInsight.Web.Api;

/// <summary>URL parameters a table takes beyond the filter: the drill level, the customer of an order list, the tickets' channel, category or agent.</summary>
public static class TableExtras
{
    public const string Level = "level";
    public const string Customer = "customer";
    public const string TicketBy = "ticket_by";
    public const string TicketMember = "ticket_member";

    public static IReadOnlyList<string> Parameters(TableDefinition table) =>
        table == TableCatalog.Drill ? [Level]
        : table == TableCatalog.CustomerOrders ? [Customer]
        : table == TableCatalog.Tickets ? [TicketBy, TicketMember]
        : [];

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
        if (table == TableCatalog.Tickets)
        {
            var by = query[TicketBy].LastOrDefault();
            var dimension = ServiceDimensions.FromUrlName(by);
            if (by is not null && dimension is null)
            {
                errors.Add(TicketBy, $"'{by}' is not a ticket breakdown (channel, category, agent).");
            }
            return ForTickets(dimension, query[TicketMember].LastOrDefault());
        }
        return SqlArgs.Empty;
    }

    /// <summary>The drill table at one level.</summary>
    public static TableSpec<DrillRowKey> DrillAt(DrillLevel level) => new(TableCatalog.Drill, [(Level, level.UrlName())]);

    /// <summary>One customer's orders.</summary>
    public static TableSpec<OrderRowKey> OrdersOf(long customerId) =>
        new(TableCatalog.CustomerOrders, [(Customer, customerId.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>Every ticket (no dimension or no member), or those of one channel, category or agent.</summary>
    public static TableSpec<TicketRowKey> TicketsOf(ServiceDimension? dimension, string? member) =>
        new(TableCatalog.Tickets, dimension is { } d && member is not null ? [(TicketBy, d.UrlName()), (TicketMember, member)] : []);

    /// <summary>A table's query arguments from its URL pairs (a spec's: built by the factories above, so valid).</summary>
    public static SqlArgs Arguments(TableDefinition table, IReadOnlyList<(string Key, string Value)> parameters) =>
        Parse(table, new QueryCollection(parameters.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new Microsoft.Extensions.Primitives.StringValues([.. g.Select(p => p.Value)]), StringComparer.OrdinalIgnoreCase)), new RequestErrors());

    /// <summary>Every ticket (no dimension), or those of one channel, category or agent.</summary>
    internal static SqlArgs ForTickets(ServiceDimension? dimension, string? member) =>
        SqlArgs.Empty.With("ticket_by", dimension is { } d && member is not null ? d.UrlName() : "").With("ticket_member", member ?? "");

    internal static SqlArgs ForLevel(DrillLevel level) => SqlArgs.Empty.With("level", level.UrlName());

    internal static SqlArgs ForCustomer(long customerId) => SqlArgs.Empty.With("customer_id", customerId);
}
