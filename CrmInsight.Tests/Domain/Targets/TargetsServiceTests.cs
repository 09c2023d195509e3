using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Targets;

/// <summary>
/// The Sales targets page's data from <see cref="TargetsDataset"/> (today 2024-05-10, day 10 of May's 31):
/// headlines, statuses and gaps, the leaderboard, the rep drill's opportunities and the team scope.
/// </summary>
public sealed class TargetsServiceTests(TargetsFixture fixture) : IClassFixture<TargetsFixture>
{
    private static readonly DashboardFilter May = DashboardFilter.Default.WithPreset(DatePreset.ThisMonth);
    private static readonly DashboardFilter Quarter = DashboardFilter.Default.WithPreset(DatePreset.ThisQuarter);

    [Fact]
    public async Task Each_team_gets_a_headline_with_its_forecast_status_and_gap()
    {
        var board = await fixture.Db.Targets.GetBoardAsync(May, DataScope.All);

        Assert.Equal(new TargetCalendar(31, 10, 22), board.Calendar);
        Assert.Equal(["Alpha", "Beta", "Gamma"], board.Teams.Select(t => t.Name));

        // Alpha: 1500 of 3100; the plan expects 3100 × 10/31 = 1000 by today; forecast 4650 = 150 %.
        var alpha = board.Teams[0];
        Assert.Equal(1000m, alpha.ExpectedByToday);
        Assert.Equal(4650m, alpha.Forecast);
        Assert.Equal(1550m, alpha.ForecastGap); // over by 1550
        Assert.Equal(1600m, alpha.StillToSell);
        Assert.Equal(TargetStatus.Ahead, alpha.Status); // 1.5 ≥ 1.05
        Assert.Equal(0.3125m, alpha.Coverage); // 500 / 1600

        // Beta: 310 of 1550; forecast 310 / 10 × 31 = 961 = 62 %: short by 589.
        var beta = board.Teams[1];
        Assert.Equal(961m, beta.Forecast);
        Assert.Equal(-589m, beta.ForecastGap);
        Assert.Equal(TargetStatus.Behind, beta.Status); // 0.62 < 0.90
        Assert.Equal(500m, beta.ExpectedByToday);

        // Everyone: 2810 of 10850, forecast 8711 (80.3 %).
        Assert.Equal(8711m, board.Total.Forecast);
        Assert.Equal(TargetStatus.Behind, board.Total.Status);
        Assert.Equal(2600m / 8040m, board.Total.Coverage);
    }

    [Fact]
    public async Task In_the_quarter_alpha_is_at_risk()
    {
        // 4600 / (10600 × 40/91) = 0.987: below on track (1.00), above at risk (0.90).
        var board = await fixture.Db.Targets.GetBoardAsync(Quarter, DataScope.All);
        var alpha = board.Teams.Single(t => t.Name == "Alpha");

        Assert.Equal(4600m * 91 / (10600m * 40), alpha.ForecastAttainment);
        Assert.Equal(TargetStatus.AtRisk, alpha.Status);
        Assert.Equal(new TargetCalendar(91, 40, 52), board.Calendar);
    }

    [Theory]
    [InlineData(1.05, TargetStatus.Ahead)]
    [InlineData(1.0499, TargetStatus.OnTrack)]
    [InlineData(1.0, TargetStatus.OnTrack)]
    [InlineData(0.9, TargetStatus.AtRisk)]
    [InlineData(0.8999, TargetStatus.Behind)]
    [InlineData(null, TargetStatus.NoQuota)]
    public void Statuses_change_at_the_configured_thresholds(double? forecastAttainment, TargetStatus status) =>
        Assert.Equal(status, new TargetsOptions().StatusOf(forecastAttainment is { } f ? (decimal)f : null));

    [Fact]
    public void Thresholds_out_of_order_are_refused_at_start()
    {
        var validator = new TargetsOptionsValidator();
        Assert.True(validator.Validate(null, new TargetsOptions()).Succeeded);
        var swapped = validator.Validate(null, new TargetsOptions { AtRiskFrom = 1.0m, OnTrackFrom = 0.9m });
        Assert.True(swapped.Failed);
        Assert.Contains("Targets:OnTrackFrom", swapped.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new TargetsOptions { AtRiskFrom = 0 }).Failed);
        Assert.True(validator.Validate(null, new TargetsOptions { AheadFrom = 1.0m }).Failed);
    }

    [Fact]
    public async Task The_leaderboard_ranks_by_attainment_and_shows_a_moved_rep_in_each_team()
    {
        var rows = await Leaderboard(Quarter, DataScope.All);

        // Ann 3800/9100 = 41.8 %, Cai in Alpha 600/1500 = 40 %, Dan 6000/12200 = 49.2 %,
        // Cai in Beta 310/3050 = 10.2 %, Bo: no quota, undefined, last.
        Assert.Equal(
            [("Dan", "Gamma"), ("Ann", "Alpha"), ("Cai", "Alpha"), ("Cai", "Beta"), ("Bo", "Alpha")],
            rows.Select(r => (r.GetString("rep"), r.GetString("team"))));
        Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.GetInt64("leader_rank")));
        var caiAlpha = rows[2];
        Assert.Equal(1500m, caiAlpha.GetDecimal("quota"));
        Assert.Equal(600m, caiAlpha.GetDecimal("rep_revenue"));
        Assert.Equal(1m, caiAlpha.GetDecimal("win_rate")); // P10, April
        Assert.Equal(0m, caiAlpha.GetDecimal("weighted_pipeline")); // his open P4 is Beta's now
        Assert.Equal(2L, caiAlpha.GetInt64("activities"));
        var caiBeta = rows[3];
        Assert.Equal(600m, caiBeta.GetDecimal("weighted_pipeline")); // P4 800 × 0.75
        Assert.Equal(0.2190m, caiBeta.GetDecimal("coverage")); // 600 / (3050 − 310) = 0.218978… to 4 places
        var bo = rows[4];
        Assert.Null(bo.GetDecimal("attainment"));
        Assert.Null(bo.GetDecimal("pace"));
    }

    [Fact]
    public async Task Every_leaderboard_number_is_the_catalog_kpi_for_that_rep_and_team()
    {
        foreach (var filter in new[] { May, Quarter })
        {
            foreach (var row in await Leaderboard(filter, DataScope.All))
            {
                var narrowed = filter
                    .WithMembers(DimensionKind.Team, IdSet.Of((int)row.GetInt64("team_id")))
                    .WithMembers(DimensionKind.Rep, IdSet.Of((int)row.GetInt64("rep_id")));
                var kpis = await fixture.Db.Kpis.GetKpisAsync(narrowed, DataScope.All, ["attainment", "pace", "win_rate", "weighted_pipeline", "pipeline_coverage", "activities_per_rep", "quota"]);
                var who = $"{row.GetString("rep")} in {row.GetString("team")}, {filter.Preset}";
                Assert.True(Round(kpis["attainment"].Value) == row.GetDecimal("attainment"), who + ": attainment");
                Assert.True(Round(kpis["pace"].Value) == row.GetDecimal("pace"), who + ": pace");
                Assert.True(Round(kpis["win_rate"].Value) == row.GetDecimal("win_rate"), who + ": win rate");
                Assert.True(Round(kpis["pipeline_coverage"].Value) == row.GetDecimal("coverage"), who + ": coverage");
                Assert.Equal(kpis["weighted_pipeline"].Value, row.GetDecimal("weighted_pipeline"));
                Assert.Equal(kpis["quota"].Value, row.GetDecimal("quota"));
            }
        }
    }

    [Fact]
    public async Task A_lead_sees_only_their_teams_and_their_months_of_a_moved_rep()
    {
        // The lead of Alpha: Cai's April is Alpha's, his May and June are not; Gamma is nowhere.
        var alphaOnly = DataScope.ForTeams(IdSet.Of(1));
        var data = await fixture.Db.Targets.GetAsync(Quarter, alphaOnly);

        Assert.Equal(["Alpha"], data.Board.Teams.Select(t => t.Name));
        Assert.Empty(data.Reps); // no team in focus: the page shows teams, not reps
        var alphaReps = (await fixture.Db.Targets.GetAsync(Quarter.WithMembers(DimensionKind.Team, IdSet.Of(1)), alphaOnly)).Reps;
        Assert.Equal([("Ann", 1), ("Cai", 1), ("Bo", 1)], alphaReps.Select(r => (r.Name, r.TeamId!.Value)));
        Assert.Equal(10600m, data.Board.Total.Quota);
        // The funnel is Alpha's open pipeline: P1 prospecting, P2 qualification, P3 proposal; nothing in negotiation.
        Assert.Equal([1L, 1, 1, 0], data.Stages.Select(s => s.Opportunities));
        Assert.Equal(["prospecting", "qualification", "proposal", "negotiation"], data.Stages.Select(s => s.Stage));

        // The filter may name Cai (he sold for Alpha), not Dan.
        var catalog = await fixture.Db.Dimensions.GetCatalogAsync(alphaOnly);
        Assert.Equal(["Alpha"], catalog.Members(DimensionKind.Team).Select(m => m.Name));
        Assert.Equal(["Ann", "Bo", "Cai"], catalog.Members(DimensionKind.Rep).Select(m => m.Name));
    }

    [Fact]
    public async Task A_reps_opportunities_are_the_open_ones_and_those_closed_in_the_period_of_teams_in_scope()
    {
        var cai = Quarter.WithMembers(DimensionKind.Rep, IdSet.Of(3));
        var request = TableCatalog.Opportunities.Request("amount", descending: true, 0, 50);

        // Everything: P8 won 900, P4 open 800 (negotiation, weighted 600), P10 won 500.
        var all = await fixture.Db.Tables.GetPageAsync(TableCatalog.Opportunities, cai, DataScope.All, request);
        Assert.Equal(["P8", "P4", "P10"], all.Rows.Select(r => r.GetString("opportunity_code")));
        var open = all.Rows[1];
        Assert.Equal(600m, open.GetDecimal("weighted_amount"));
        Assert.Equal(99L, open.GetInt64("days_open")); // 02-01 → 05-10
        Assert.Equal(57L, all.Rows[0].GetInt64("days_open")); // P8: 03-12 → 05-08

        // The lead of Alpha sees only P10 (closed in April, when Cai was Alpha's).
        var alphaOnly = await fixture.Db.Tables.GetPageAsync(TableCatalog.Opportunities, cai, DataScope.ForTeams(IdSet.Of(1)), request);
        Assert.Equal(["P10"], alphaOnly.Rows.Select(r => r.GetString("opportunity_code")));
        Assert.Equal(1L, alphaOnly.Total);
    }

    [Fact]
    public async Task The_funnel_lists_every_open_stage_in_order_with_its_weighted_amount()
    {
        var data = await fixture.Db.Targets.GetAsync(May, DataScope.All);

        Assert.Equal(
            [("prospecting", 1L, 1000m, 100m), ("qualification", 1L, 400m, 100m), ("proposal", 1L, 600m, 300m), ("negotiation", 2L, 2800m, 2100m)],
            data.Stages.Select(s => (s.Stage, s.Opportunities, s.Amount, s.Weighted)));
        Assert.Equal(["win_rate", "loss_rate"], data.WinLoss.Select(t => t.Definition.Id));
    }

    private async Task<IReadOnlyList<SqlRow>> Leaderboard(DashboardFilter filter, DataScope scope) =>
        (await fixture.Db.Tables.GetPageAsync(TableCatalog.Leaderboard, filter, scope, TableCatalog.Leaderboard.Request(null, null, 0, 100))).Rows;

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
