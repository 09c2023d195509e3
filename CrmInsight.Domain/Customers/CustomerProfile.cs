using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Customers;

/// <summary>One customer's 360° view: who they are, their sales in the period and over life, and their latest service, surveys and campaigns.</summary>
public sealed record CustomerView(
    SqlRow Profile,
    CustomerSales Sales,
    CustomerSales ComparisonSales,
    IReadOnlyList<SqlRow> History,
    ResolvedPeriod Period);

public sealed record CustomerSales(
    decimal Revenue, decimal GrossProfit, long Orders, decimal Returns,
    decimal LifetimeRevenue, long LifetimeOrders, DateOnly? FirstOrder, DateOnly? LastOrder)
{
    public decimal? AverageOrderValue => Kpis.MeasureContext.Ratio(Revenue, Orders);

    internal static CustomerSales From(SqlRow? row) => row is null
        ? new(0, 0, 0, 0, 0, 0, null, null)
        : new(
            row.GetDecimal("revenue") ?? 0, row.GetDecimal("gross_profit") ?? 0, row.GetInt64("orders"), row.GetDecimal("returns_value") ?? 0,
            row.GetDecimal("lifetime_revenue") ?? 0, row.GetInt64("lifetime_orders"), row.GetDate("first_order"), row.GetDate("last_order"));
}
