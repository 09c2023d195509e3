namespace CrmInsight.Domain.Kpis;

/// <summary>
/// The four annual inputs of clv and the estimate from them:
/// clv = avg_order_value × purchase_frequency × gross_margin / churn_rate — the value a customer
/// brings per year over the share of customers lost per year. Undefined when any input is.
/// </summary>
public sealed record ClvInputs(decimal? OrderValue, decimal? Frequency, decimal? Margin, decimal? Churn)
{
    public decimal? Value => OrderValue * Frequency * Margin is { } yearly && Churn is { } churn ? MeasureContext.Ratio(yearly, churn) : null;

    /// <summary>From the measures of <c>kpi/clv</c>.</summary>
    public static ClvInputs From(Func<string, decimal> measure) => new(
        MeasureContext.Ratio(measure("revenue"), measure("orders")),
        MeasureContext.Ratio(measure("identified_orders"), measure("active_customers")),
        MeasureContext.Ratio(measure("gross_profit"), measure("revenue")),
        MeasureContext.Ratio(measure("previous_active") - measure("retained"), measure("previous_active")));

    /// <summary>From a computed clv result's recorded inputs.</summary>
    public static ClvInputs From(KpiResult clv) =>
        From(name => clv.Inputs.FirstOrDefault(i => i.Measure == name && !i.FromPreviousWindow)?.Value ?? 0m);
}
