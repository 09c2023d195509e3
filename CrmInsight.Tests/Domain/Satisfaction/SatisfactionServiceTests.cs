using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Satisfaction;

/// <summary>The Satisfaction page's model against <see cref="ServiceMarketingDataset"/>, worked by hand.</summary>
public sealed class SatisfactionServiceTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    private TestDatabase _db = null!;
    private SatisfactionService _service = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(ServiceMarketingDataset.Sql);
        _service = _db.Get<SatisfactionService>();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Band_boundaries_follow_kpis_md()
    {
        var data = await _service.GetAsync(March, DataScope.All);

        // CSAT 49, 50, 69, 70, 89, 90, 100, 0, 95.
        Assert.Equal(["very_satisfied", "satisfied", "neutral", "dissatisfied"], data.CsatBands.Select(b => b.Key));
        Assert.Equal([3L, 2L, 2L, 2L], data.CsatBands.Select(b => b.Count));
        Assert.Equal(3m / 9m, data.CsatBands[0].Share);
        // Ratings 4, 5, 6, 7, 8, 9, 10, 1, 9: 4 and 1 fail, 5 and 6 pass, 7 and 8 good, 9, 10, 9 excellent.
        Assert.Equal(["excellent", "good", "pass", "fail"], data.ServiceBands.Select(b => b.Key));
        Assert.Equal([3L, 2L, 2L, 2L], data.ServiceBands.Select(b => b.Count));
        Assert.Equal(2m / 9m, data.ServiceBands[3].Share);
    }

    [Fact]
    public async Task Bands_without_answers_have_no_shares()
    {
        var data = await _service.GetAsync(DashboardFilter.Default.WithCustomRange(new DateOnly(2023, 6, 1), new DateOnly(2023, 7, 1)), DataScope.All);
        Assert.All(data.CsatBands.Concat(data.ServiceBands), b => Assert.Equal((0L, (decimal?)null), (b.Count, b.Share)));
    }

    [Fact]
    public async Task Service_by_channel_shows_where_it_is_slow()
    {
        var data = await _service.GetAsync(March, DataScope.All);
        var channels = data.Breakdowns.Single(b => b.Dimension == ServiceDimension.Channel).Rows;

        Assert.Equal(["phone", "chat", "email", "web"], channels.Select(r => r.Member)); // most tickets first, then by name
        var phone = channels[0];
        // T1 (10 min, resolved in 2 h, wait 60 s, talk 300 s) and T4 (30 min, open, wait 120 s, talk 600 s); both complaints.
        Assert.Equal((2L, 2L), (phone.Tickets, phone.Complaints));
        Assert.Equal(20m, phone.ResponseMinutes);
        Assert.Equal(20m, phone.ResponseP50Minutes);
        Assert.Equal(28m, phone.ResponseP90Minutes); // h = 1.9: 10 + 0.9 × 20
        Assert.Equal(2m, phone.ResolutionHours);
        Assert.Equal(1m / 2m, phone.ResolutionRate);
        Assert.Equal(0m, phone.RepeatRate);
        Assert.Equal((90m, 450m), (phone.CallWaitSeconds, phone.CallTalkSeconds));
        Assert.Equal(1m, channels.Single(r => r.Member == "email").RepeatRate); // T2 repeats T1's billing issue
        var web = channels.Single(r => r.Member == "web"); // T5: never answered
        Assert.Equal((null, null, null, 0m), (web.ResponseMinutes, web.ResponseP50Minutes, web.ResolutionHours, web.ResolutionRate));
        Assert.Null(web.CallWaitSeconds);
    }

    [Fact]
    public async Task Agents_are_keyed_by_id_and_tickets_without_one_are_listed_too()
    {
        var data = await _service.GetAsync(March, DataScope.All);
        var agents = data.Breakdowns.Single(b => b.Dimension == ServiceDimension.Agent).Rows;

        Assert.Equal([("Agent A", "1", 2L), ("Agent B", "2", 2L), ("", "", 1L)], agents.Select(r => (r.Member, r.Key, r.Tickets)));
        Assert.Equal(15m, agents[0].ResponseMinutes); // T1 10, T2 20
        Assert.Equal(30m, agents[1].ResponseMinutes); // T3 30, T4 30
    }

    [Fact]
    public async Task Churned_customers_are_compared_with_the_retained_ones()
    {
        // P = [03-16, 04-01), P' = [03-01, 03-16). Active in P': C1 (O1), C2 (O3). In P: C1 (O6), C3, C4.
        // So C2 churned and C1 stayed; their surveys and tickets from 03-01 on.
        var late = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 16), new DateOnly(2024, 4, 1));
        var groups = (await _service.GetAsync(late, DataScope.All)).ChurnedVsRetained;

        Assert.Equal([true, false], groups.Select(g => g.Churned));
        var (churned, retained) = (groups[0], groups[1]);
        Assert.Equal((1L, 1L), (churned.Customers, retained.Customers));
        Assert.Equal(69.5m, churned.Csat); // S3 69, S4 70
        Assert.Equal(33m, retained.Csat); // S1 49, S2 50, S8 0
        Assert.Equal(100m, churned.Nps); // 9 and 10: two promoters
        Assert.Equal(-50m, retained.Nps); // 6 (detractor) and 7
        Assert.Equal((2L, 2L), (churned.Tickets, retained.Tickets)); // T3, T4 ; T1, T2 (T6 is before P')
        Assert.Equal((1m, 1m), (churned.ComplaintRate, retained.ComplaintRate));
        Assert.Equal(30m, churned.ResponseMinutes); // slower than the 15 minutes C1 waited
        Assert.Equal(15m, retained.ResponseMinutes);
        Assert.Equal(10m, churned.ResolutionHours); // T3
        Assert.Equal(3m, retained.ResolutionHours); // T1 2 h, T2 4 h
    }
}
