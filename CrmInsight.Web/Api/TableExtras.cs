using System.Globalization;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

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

    /// <summary>Every ticket (no dimension), or those of one channel, category or agent.</summary>
    public static SqlArgs ForTickets(ServiceDimension? dimension, string? member) =>
        SqlArgs.Empty.With("ticket_by", dimension is { } d && member is not null ? d.UrlName() : "").With("ticket_member", member ?? "");

    public static SqlArgs ForLevel(DrillLevel level) => SqlArgs.Empty.With("level", level.UrlName());

    public static SqlArgs ForCustomer(long customerId) => SqlArgs.Empty.With("customer_id", customerId);
}
