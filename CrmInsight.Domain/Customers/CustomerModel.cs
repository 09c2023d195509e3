using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Customers;

/// <summary>One customer's 360° view: who they are, their sales in the period and over life, and their latest service, surveys and campaigns.</summary>
public sealed record CustomerView(
    CustomerProfile Profile,
    CustomerSales Sales,
    CustomerSales ComparisonSales,
    IReadOnlyList<CustomerEvent> History,
    ResolvedPeriod Period);

/// <summary>The customer's record with the names of its dimensions (null: not recorded).</summary>
public sealed record CustomerProfile(
    long CustomerId, string Code, string Name, string? Segment,
    string? City, string? Region, string? Owner, string? Team,
    string? Email, string? Phone, DateOnly? AcquiredDate, string? AcquisitionChannel, string? AcquisitionCampaign)
{
    internal static CustomerProfile From(SqlRow row) => new(
        row.GetInt64("customer_id"), row.GetString("customer_code") ?? "", row.GetString("name") ?? "", row.GetString("segment"),
        row.GetString("city"), row.GetString("region"), row.GetString("owner"), row.GetString("team"),
        row.GetString("email"), row.GetString("phone"), row.GetDate("acquired_date"), row.GetString("acquisition_channel"), row.GetString("acquisition_campaign"));
}

public enum CustomerEventKind
{
    Ticket,
    Survey,
    CampaignTouch,
}

/// <summary>
/// One entry of the customer's history: a service ticket (<see cref="Detail"/> its issue category,
/// <see cref="Complaint"/> whether it was one), a survey (<see cref="Score"/> its CSAT) or a campaign
/// touch (<see cref="Code"/> the campaign, <see cref="Channel"/> its marketing channel).
/// </summary>
public sealed record CustomerEvent(
    CustomerEventKind Kind, DateOnly? Date, string? Code, string? Detail, string? Channel, string? Outcome, decimal? Score, bool Complaint)
{
    internal static CustomerEvent From(SqlRow row)
    {
        var kind = row.GetString("kind") switch
        {
            "ticket" => CustomerEventKind.Ticket,
            "survey" => CustomerEventKind.Survey,
            _ => CustomerEventKind.CampaignTouch,
        };
        var score = row.GetDecimal("score");
        return new(
            kind, row.GetDate("event_date"), row.GetString("code"), row.GetString("detail"), row.GetString("channel"), row.GetString("outcome"),
            kind == CustomerEventKind.Survey ? score : null,
            kind == CustomerEventKind.Ticket && score == 1);
    }
}

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
