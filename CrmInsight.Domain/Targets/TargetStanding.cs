using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Targets;

/// <summary>
/// Where a team, a rep in a team, or everything in scope stands against quota in P, computed
/// by the catalog's own formulas from a row of kpi/attainment's measures (rep_revenue, quota,
/// period_days, elapsed_days, days_left and, where the row has it, weighted_pipeline).
/// </summary>
/// <param name="ElapsedShare">KPIS.md's elapsed share of P: days up to and including today / days of P.</param>
/// <param name="ExpectedByToday">The pace marker: the revenue the plan expects by today (quota × elapsed share).</param>
public sealed record TargetStanding(
    int? TeamId,
    string Name,
    int? RepId,
    decimal Revenue,
    decimal Quota,
    decimal? Attainment,
    decimal? Pace,
    decimal? Forecast,
    decimal? ForecastAttainment,
    decimal? Coverage,
    decimal ElapsedShare,
    decimal ExpectedByToday,
    TargetStatus Status)
{
    /// <summary>Forecast − quota: below zero, how much short the run rate ends; null without a forecast.</summary>
    public decimal? ForecastGap => Forecast is { } forecast && Quota > 0 ? forecast - Quota : null;

    /// <summary>Quota still to sell (0 once reached).</summary>
    public decimal StillToSell => Math.Max(0, Quota - Revenue);

    public static TargetStanding From(SqlRow row, KpiCatalog catalog, TargetsOptions thresholds, int? teamId, string name, int? repId)
    {
        decimal? Kpi(string id) => catalog.Get(id).Compute(new MeasureContext(row, null));
        var period = row.GetDecimal("period_days") ?? 0;
        var elapsed = row.GetDecimal("elapsed_days") ?? 0;
        var forecastAttainment = Kpi("forecast_attainment");
        return new TargetStanding(
            teamId,
            name,
            repId,
            row.GetDecimal("rep_revenue") ?? 0,
            row.GetDecimal("quota") ?? 0,
            Kpi("attainment"),
            Kpi("pace"),
            Kpi("run_rate_forecast"),
            forecastAttainment,
            row.Columns.Contains("weighted_pipeline", StringComparer.OrdinalIgnoreCase) ? Kpi("pipeline_coverage") : null,
            period == 0 ? 0 : elapsed / period,
            // The pace marker: what the plan expects by today, quota × elapsed share (multiplied first, so 1550 × 10/31 is 500).
            period == 0 ? 0 : (row.GetDecimal("quota") ?? 0) * elapsed / period,
            thresholds.StatusOf(forecastAttainment));
    }
}
