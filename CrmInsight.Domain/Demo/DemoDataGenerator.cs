using System.Diagnostics;
using static CrmInsight.Domain.Demo.DemoConstants;

namespace CrmInsight.Domain.Demo;

/// <summary>What a generation produced.</summary>
public sealed record DemoSummary(int Customers, long Orders, long Tickets, long Surveys, long Touches, long Opportunities, long Activities, TimeSpan Elapsed);

/// <summary>
/// Generates the demo company deterministically from <see cref="DemoOptions.Seed"/>: the
/// same options and "today" give the same rows on every machine.
/// </summary>
public sealed class DemoDataGenerator(DemoOptions options, TimeProvider time)
{
    private const double AnonymousShare = 0.08;

    // Won opportunities and campaign responses add orders the expected-orders estimate does not count.
    private const double ExtraOrdersCorrection = 0.98;

    public DemoSummary Generate(IDemoSink sink, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetLocalNow().DateTime;
        var today = DateOnly.FromDateTime(now);
        var world = DemoWorld.Build(options.Seed, today, now, options.Years);
        var scale = OrderRateScale(world);
        SetBudgets(world);
        sink.AddDimensions(world);

        var ledger = new DemoLedger(world);
        var simulator = new CustomerSimulator(world, sink, ledger, scale);
        var step = Math.Max(1, options.Customers / 10);
        for (var id = 1; id <= options.Customers; id++)
        {
            simulator.Simulate(options.Seed, id);
            if (id % step == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke($"Demo data: {id:N0} of {options.Customers:N0} customers, {ledger.Orders:N0} orders so far");
            }
        }
        AnonymousOrders(world, sink, ledger);
        Quotas(world, sink, ledger);
        Spend(world, sink);

        return new DemoSummary(options.Customers, ledger.Orders, ledger.Tickets, ledger.Surveys, ledger.Touches,
            ledger.NextOpportunityId, ledger.NextActivityId, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Scales every customer's order rate so the total lands near <see cref="DemoOptions.Orders"/>.</summary>
    private double OrderRateScale(DemoWorld world)
    {
        var repeatOrders = 0.0;
        for (var id = 1; id <= options.Customers; id++)
        {
            var random = new DemoRandom(options.Seed, id);
            repeatOrders += CustomerProfile.Draw(ref random, id, world).ExpectedOrders(world.Today) - 1;
        }
        var identified = options.Orders * (1 - AnonymousShare);
        return Math.Max(0.02, (identified - options.Customers) / Math.Max(1, repeatOrders)) * ExtraOrdersCorrection;
    }

    /// <summary>Budgets follow each channel's cost per acquisition, so CAC differs by channel as planned.</summary>
    private void SetBudgets(DemoWorld world)
    {
        var random = new DemoRandom(options.Seed, -2);
        var started = world.Campaigns.Where(c => c.StartDate <= world.Today).GroupBy(c => c.MarketingChannelId).ToDictionary(g => g.Key, g => g.Count());
        world.Campaigns = [.. world.Campaigns.Select(c =>
        {
            var channel = MarketingChannels[c.MarketingChannelId - 1];
            var acquisitions = Segments.Sum(s => options.Customers * s.Weight * s.AcquisitionWeights[c.MarketingChannelId - 1]) * 0.75
                / Math.Max(1, started.GetValueOrDefault(c.MarketingChannelId));
            var budget = (channel.TargetCac * acquisitions * random.Uniform(0.8, 1.25)) + (channel.FixedSpend * random.Uniform(0.8, 1.2));
            return c with { Budget = Math.Round((decimal)budget / 1000m) * 1000m };
        })];
        world.IndexCampaigns();
    }

    private static void Spend(DemoWorld world, IDemoSink sink)
    {
        var random = new DemoRandom(-3, 0);
        foreach (var campaign in world.Campaigns)
        {
            var days = campaign.EndDate.DayNumber - campaign.StartDate.DayNumber;
            var daily = (double)campaign.Budget * random.Uniform(0.85, 1.0) / days;
            for (var day = campaign.StartDate; day < campaign.EndDate && day <= world.Today; day = day.AddDays(1))
            {
                sink.Add(new SpendRow(campaign.CampaignId, day, Math.Round((decimal)(daily * random.Uniform(0.7, 1.3)), 2)));
            }
        }
    }

    /// <summary>
    /// Monthly quotas per rep, set from what the rep's book sells and the rep's own form, so
    /// some reps land above plan and some below. Future months of this year are planned from
    /// the same month last year plus growth.
    /// </summary>
    private static void Quotas(DemoWorld world, IDemoSink sink, DemoLedger ledger)
    {
        var random = new DemoRandom(-4, 0);
        var currentMonth = ledger.MonthIndex(world.Today);
        foreach (var rep in world.Reps)
        {
            var performance = world.RepPerformance[rep.RepId - 1];
            for (var index = 0; index < ledger.MonthCount; index++)
            {
                // The first month is partial, so it borrows the second's volume.
                var source = index == 0 ? 1 : index;
                var basis = source < currentMonth
                    ? ledger.RepRevenue[rep.RepId, source]
                    : (source >= 12 ? ledger.RepRevenue[rep.RepId, source - 12] * 1.3m : 0m);
                var quota = Math.Max(1000m, Math.Round(basis / (decimal)performance * (decimal)random.Uniform(0.93, 1.07) / 1000m) * 1000m);
                sink.Add(new QuotaRow(rep.RepId, world.TeamOn(rep, ledger.MonthOf(index)), ledger.MonthOf(index), quota));
            }
        }
    }

    /// <summary>Walk-in and guest-checkout sales with no customer id: revenue without a customer.</summary>
    private void AnonymousOrders(DemoWorld world, IDemoSink sink, DemoLedger ledger)
    {
        var random = new DemoRandom(options.Seed, -5);
        var days = world.Today.DayNumber - world.Start.DayNumber + 1;
        var weights = new double[days];
        for (var i = 0; i < days; i++)
        {
            var date = world.Start.AddDays(i);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.3 : 1.0;
            weights[i] = MonthSeason[date.Month - 1] * Math.Exp(0.262 * i / 365.0) * weekend;
        }
        var perWeight = options.Orders * AnonymousShare / weights.Sum();
        Span<double> regionWeights = stackalloc double[Regions.Length];
        for (var i = 0; i < Regions.Length; i++)
        {
            regionWeights[i] = Regions[i].Weight;
        }
        for (var i = 0; i < days; i++)
        {
            var date = world.Start.AddDays(i);
            var count = random.Poisson(weights[i] * perWeight);
            for (var n = 0; n < count; n++)
            {
                var categoryId = random.Pick(ConsumerCategoryWeights) + 1;
                var category = Categories[categoryId - 1];
                var revenue = Math.Max(5m, Math.Round((decimal)(180 * category.PriceFactor * random.LogNormal(-0.125, 0.5)), 2));
                var cost = Math.Round(revenue * (decimal)(1 - (category.Margin * random.Uniform(0.8, 1.2))), 2);
                var cancelled = random.Chance(0.01);
                var returned = !cancelled && random.Chance(category.ReturnRate) ? Math.Round(revenue * (decimal)random.Uniform(0.15, 1.0), 2) : 0m;
                var channel = random.Chance(0.7) ? RetailStore : OnlineStore;
                sink.Add(new OrderRow(++ledger.NextOrderId, null, date, null, null, random.Pick(regionWeights) + 1, null, channel, categoryId,
                    null, revenue, cost, 1 + random.Poisson(category.ItemsMean - 1), returned, cancelled));
                ledger.Orders++;
            }
        }
    }
}
