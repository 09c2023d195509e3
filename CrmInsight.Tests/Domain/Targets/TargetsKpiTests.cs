using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Targets;

/// <summary>
/// KPIS.md §5 against values worked out by hand from <see cref="TargetsDataset"/> (today 2024-05-10).
/// May = [05-01, 06-01): 31 days, 10 elapsed (today included), 22 left (today included).
/// Q2 = [04-01, 07-01): 91 days, 40 elapsed, 52 left.
/// Sales credited in May (not cancelled, with a rep, for the team on the order): Alpha O4 1000 + O5 240 + O7 200 +
/// O11 60 (today) = 1500; Beta O8 310; Gamma O9 1000. O6 is cancelled, O10 has no rep.
/// </summary>
public sealed class TargetsKpiTests(TargetsFixture fixture) : IClassFixture<TargetsFixture>
{
    private static readonly DashboardFilter May = DashboardFilter.Default.WithPreset(DatePreset.ThisMonth);
    private static readonly DashboardFilter Quarter = DashboardFilter.Default.WithPreset(DatePreset.ThisQuarter);
    private static readonly string[] Sales = ["quota", "attainment", "pace", "run_rate_forecast", "forecast_attainment", "pipeline_coverage"];

    private Task<KpiReport> Kpis(DashboardFilter filter, params string[] ids) => Kpis(filter, DataScope.All, ids);

    private Task<KpiReport> Kpis(DashboardFilter filter, DataScope scope, params string[] ids) =>
        fixture.Db.Kpis.GetKpisAsync(filter, scope, ids.Length == 0 ? Sales : ids);

    private static DashboardFilter Team(DashboardFilter filter, int team) => filter.WithMembers(DimensionKind.Team, IdSet.Of(team));

    private static DashboardFilter Rep(DashboardFilter filter, int rep) => filter.WithMembers(DimensionKind.Rep, IdSet.Of(rep));

    [Fact]
    public async Task Attainment_pace_and_forecast_over_a_partial_month()
    {
        var alpha = await Kpis(Team(May, 1));

        Assert.Equal(3100m, alpha["quota"].Value); // Ann 3100 + Bo 0
        Assert.Equal(1500m / 3100m, alpha["attainment"].Value);
        // pace = 1500 / (3100 × 10/31) = 1500 / 1000 = 1.5: half as far again as the plan by today
        Assert.Equal(1.5m, alpha["pace"].Value);
        // forecast = 1500 / 10 days × 31 days = 4650 = 1.5 × quota
        Assert.Equal(4650m, alpha["run_rate_forecast"].Value);
        Assert.Equal(1.5m, alpha["forecast_attainment"].Value);
        // The days that went in, shown on the detail panel.
        Assert.Contains(alpha["pace"].Inputs, i => i.Measure == "elapsed_days" && i.Value == 10);
        Assert.Contains(alpha["pace"].Inputs, i => i.Measure == "period_days" && i.Value == 31);

        var everyone = await Kpis(May);
        Assert.Equal(10850m, everyone["quota"].Value); // 3100 + 0 + 1550 + 6200
        Assert.Equal(2810m / 10850m, everyone["attainment"].Value); // 1500 + 310 + 1000
        Assert.Equal(2810m * 31 / (10850m * 10), everyone["pace"].Value);
        Assert.Equal(2810m * 31 / 10, everyone["run_rate_forecast"].Value); // 8711
    }

    [Fact]
    public async Task A_period_ending_mid_month_prorates_the_quota_by_day()
    {
        // [05-01, 05-16): 15 of May's 31 days, so Ann's 3100 counts 3100 × 15/31 = 1500.
        var half = Team(DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 16)), 1);
        var alpha = await Kpis(half);

        Assert.Equal(1500m, alpha["quota"].Value);
        Assert.Equal(1m, alpha["attainment"].Value); // 1500 / 1500
        Assert.Equal(1.5m, alpha["pace"].Value); // 1500 / (1500 × 10/15)
        Assert.Equal(2250m, alpha["run_rate_forecast"].Value); // 1500 / 10 × 15
        // The quota is reached: nothing left to cover.
        Assert.Null(alpha["pipeline_coverage"].Value);
        // Everyone: 1500 + 0 + 1550 × 15/31 (750) + 6200 × 15/31 (3000).
        Assert.Equal(5250m, (await Kpis(half.WithMembers(DimensionKind.Team, IdSet.Empty)))["quota"].Value);
    }

    [Fact]
    public async Task A_quarter_spans_three_monthly_quotas()
    {
        // Ann: April 3000 + May 3100 + June 3000 = 9100; sold O1 2500 in April and 1300 in May.
        var ann = await Kpis(Rep(Quarter, 1));

        Assert.Equal(9100m, ann["quota"].Value);
        Assert.Equal(3800m / 9100m, ann["attainment"].Value);
        // pace = 3800 / (9100 × 40/91) = 3800 / 4000 = 0.95
        Assert.Equal(0.95m, ann["pace"].Value);
        Assert.Equal(8645m, ann["run_rate_forecast"].Value); // 3800 / 40 × 91
        Assert.Equal(8645m / 9100m, ann["forecast_attainment"].Value);

        // Alpha: Ann 9100 + Bo 0 + Cai's April 1500 (he sold for Alpha then) = 10600;
        // revenue 2500 + 600 (Cai, April) + 1500 (May) = 4600.
        var alpha = await Kpis(Team(Quarter, 1));
        Assert.Equal(10600m, alpha["quota"].Value);
        Assert.Equal(4600m / 10600m, alpha["attainment"].Value);
        Assert.Equal(4600m * 91 / (10600m * 40), alpha["pace"].Value);
    }

    [Fact]
    public async Task A_past_period_has_run_its_course()
    {
        // April is over: the elapsed share is 1, so pace is attainment and the forecast is the revenue.
        var april = Team(DashboardFilter.Default.WithPreset(DatePreset.LastMonth), 1);
        var alpha = await Kpis(april);

        Assert.Equal(4500m, alpha["quota"].Value); // Ann 3000 + Cai 1500
        Assert.Equal(3100m / 4500m, alpha["attainment"].Value); // O1 2500 + O2 600
        Assert.Equal(alpha["attainment"].Value, alpha["pace"].Value);
        Assert.Equal(3100m, alpha["run_rate_forecast"].Value);
        Assert.Null(alpha["pipeline_coverage"].Value); // the period has ended
    }

    [Fact]
    public async Task A_rep_with_zero_quota_has_undefined_attainment()
    {
        // Bo: a 0 quota for May and 200 of sales.
        var bo = await Kpis(Rep(May, 2));

        Assert.Equal(0m, bo["quota"].Value);
        Assert.Null(bo["attainment"].Value);
        Assert.Null(bo["pace"].Value);
        Assert.Equal(620m, bo["run_rate_forecast"].Value); // 200 / 10 × 31: a run rate needs no quota
        Assert.Null(bo["forecast_attainment"].Value);
        Assert.Null(bo["pipeline_coverage"].Value);
    }

    [Fact]
    public async Task A_rep_who_moved_team_counts_for_each_team_with_its_own_months()
    {
        // Cai sold for Alpha in April (quota 1500, O2 600) and for Beta from May (1550 + 1500, O8 310).
        var inAlpha = await Kpis(Rep(Team(Quarter, 1), 3));
        var inBeta = await Kpis(Rep(Team(Quarter, 2), 3));
        var wherever = await Kpis(Rep(Quarter, 3));

        Assert.Equal(1500m, inAlpha["quota"].Value);
        Assert.Equal(600m / 1500m, inAlpha["attainment"].Value);
        Assert.Equal(3050m, inBeta["quota"].Value);
        Assert.Equal(310m / 3050m, inBeta["attainment"].Value);
        Assert.Equal(4550m, wherever["quota"].Value);
        Assert.Equal(910m / 4550m, wherever["attainment"].Value);

        // His opportunities and follow-ups go with the team of their month too: P10 (won 04-21) and two
        // April calls are Alpha's, P8 (won 05-08) and the May meeting Beta's.
        var alphaRest = await Kpis(Rep(Team(Quarter, 1), 3), "win_rate", "activities_per_rep");
        Assert.Equal(1m, alphaRest["win_rate"].Value);
        Assert.Equal(2m, alphaRest["activities_per_rep"].Value); // 2 calls / 1 rep with a quota (April)
        var betaRest = await Kpis(Rep(Team(Quarter, 2), 3), "win_rate", "activities_per_rep");
        Assert.Equal(1m, betaRest["win_rate"].Value);
        Assert.Equal(1m, betaRest["activities_per_rep"].Value); // 1 meeting / 1 rep
    }

    [Fact]
    public async Task Weighted_pipeline_weighs_each_open_opportunity_by_its_stage_probability()
    {
        // Open: P1 1000 × 0.10 + P2 400 × 0.25 + P3 600 × 0.50 + P4 800 × 0.75 + P5 2000 × 0.75.
        var all = await Kpis(May, "pipeline", "weighted_pipeline");
        Assert.Equal(4800m, all["pipeline"].Value);
        Assert.Equal(2600m, all["weighted_pipeline"].Value); // 100 + 100 + 300 + 600 + 1500
        // A snapshot: no comparison value.
        Assert.Null(all["weighted_pipeline"].ComparisonValue);
        Assert.Null(all["weighted_pipeline"].Change);

        var alpha = await Kpis(Team(May, 1), "pipeline", "weighted_pipeline", "pipeline_coverage");
        Assert.Equal(2000m, alpha["pipeline"].Value); // P1, P2 (Ann), P3 (Bo)
        Assert.Equal(500m, alpha["weighted_pipeline"].Value);
        // coverage = 500 / (3100 − 1500) = 0.3125
        Assert.Equal(0.3125m, alpha["pipeline_coverage"].Value);
        // Cai's open P4 is Beta's (his team now): 600 / (1550 − 310)
        Assert.Equal(600m / 1240m, (await Kpis(Team(May, 2), "pipeline_coverage"))["pipeline_coverage"].Value);
    }

    [Fact]
    public async Task Win_and_loss_rates_count_closed_opportunities_only()
    {
        // Closed in May: P6 won, P7 lost, P8 won, P9 lost. The five open ones do not count.
        var may = await Kpis(May, "win_rate", "loss_rate");
        Assert.Equal(0.5m, may["win_rate"].Value);
        Assert.Equal(0.5m, may["loss_rate"].Value);

        // Q2 adds P10 (won in April): 3 won, 2 lost of 5 closed.
        var quarter = await Kpis(Quarter, "win_rate", "loss_rate");
        Assert.Equal(0.6m, quarter["win_rate"].Value);
        Assert.Equal(0.4m, quarter["loss_rate"].Value);

        // Alpha in May: P6 won, P7 and P9 lost.
        var alpha = await Kpis(Team(May, 1), "win_rate", "loss_rate");
        Assert.Equal(1m / 3m, alpha["win_rate"].Value);
        Assert.Equal(2m / 3m, alpha["loss_rate"].Value);
    }

    [Fact]
    public async Task A_segment_filter_counts_the_closed_opportunities_of_that_segments_customers()
    {
        // The per-day counts carry no segment, so a segment filter reads the opportunities themselves.
        // Every customer is Enterprise (segment 1): May's P6 won, P7 lost, P8 won, P9 lost, as unfiltered,
        // and the cycle of P6 and P8 (31 + 57) / 2. No customer is in segment 2: nothing closed, undefined.
        var enterprise = await Kpis(May.WithMembers(DimensionKind.Segment, IdSet.Of(1)), "win_rate", "loss_rate", "sales_cycle_days");
        Assert.Equal(0.5m, enterprise["win_rate"].Value);
        Assert.Equal(0.5m, enterprise["loss_rate"].Value);
        Assert.Equal(44m, enterprise["sales_cycle_days"].Value);
        var none = await Kpis(May.WithMembers(DimensionKind.Segment, IdSet.Of(2)), "win_rate", "sales_cycle_days");
        Assert.Null(none["win_rate"].Value);
        Assert.Null(none["sales_cycle_days"].Value);
    }

    [Fact]
    public async Task The_sales_cycle_is_the_mean_length_of_the_won_opportunities()
    {
        // Won in May: P6 04-01 → 05-02 = 31 days, P8 03-12 → 05-08 = 57 days; lost ones do not count.
        Assert.Equal(44m, (await Kpis(May, "sales_cycle_days"))["sales_cycle_days"].Value);
        // Q2 adds P10 04-01 → 04-21 = 20 days: (31 + 57 + 20) / 3.
        Assert.Equal(36m, (await Kpis(Quarter, "sales_cycle_days"))["sales_cycle_days"].Value);
        // Nothing won: undefined, not 0.
        var march = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
        Assert.Null((await Kpis(march, "sales_cycle_days", "win_rate"))["sales_cycle_days"].Value);
    }

    [Fact]
    public async Task Follow_ups_per_rep_divide_by_the_reps_with_a_quota()
    {
        // May: Ann 3 calls + 1 visit, Bo 2 e-mails, Cai 1 meeting, Dan 5 calls = 12 follow-ups;
        // reps with a quota row in May: Ann, Bo (0 counts: he is on the plan), Cai, Dan = 4.
        var may = await Kpis(May, "activities_per_rep", "activities_per_rep_call", "activities_per_rep_email", "activities_per_rep_visit", "activities_per_rep_meeting");
        Assert.Equal(3m, may["activities_per_rep"].Value);
        Assert.Equal(2m, may["activities_per_rep_call"].Value); // 8 / 4
        Assert.Equal(0.5m, may["activities_per_rep_email"].Value);
        Assert.Equal(0.25m, may["activities_per_rep_visit"].Value);
        Assert.Equal(0.25m, may["activities_per_rep_meeting"].Value);
        // Alpha in Q2: Ann 4 + Bo 2 + Cai's 2 April calls = 8, over Ann, Bo and Cai (April) = 3 reps.
        Assert.Equal(8m / 3m, (await Kpis(Team(Quarter, 1), "activities_per_rep"))["activities_per_rep"].Value);
    }

    [Fact]
    public async Task A_lead_of_alpha_and_beta_sees_nothing_of_gamma()
    {
        var scope = DataScope.ForTeams(IdSet.Of(1, 2));
        var report = await Kpis(May, scope, "quota", "attainment", "pipeline", "weighted_pipeline", "activities_per_rep", "win_rate");

        Assert.Equal(4650m, report["quota"].Value); // 3100 + 0 + 1550, not Dan's 6200
        Assert.Equal(1810m / 4650m, report["attainment"].Value); // 1500 + 310
        Assert.Equal(2800m, report["pipeline"].Value); // without P5
        Assert.Equal(1100m, report["weighted_pipeline"].Value);
        Assert.Equal(7m / 3m, report["activities_per_rep"].Value); // 4 + 2 + 1 over Ann, Bo, Cai
        Assert.Equal(0.5m, report["win_rate"].Value);
    }

    [Fact]
    public async Task Sparklines_give_each_month_its_own_pace()
    {
        var series = await fixture.Db.Kpis.GetMonthlySeriesAsync(Team(May, 1), DataScope.All, ["pace", "attainment"], months: 2);

        // April is over (pace = attainment = 3100 / 4500); May is on day 10 (1.5).
        Assert.Equal([3100m / 4500m, 1.5m], series["pace"].Select(p => p.Value));
        Assert.Equal([3100m / 4500m, 1500m / 3100m], series["attainment"].Select(p => p.Value));
    }
}
