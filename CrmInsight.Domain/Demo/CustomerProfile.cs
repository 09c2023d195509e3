using static CrmInsight.Domain.Demo.DemoConstants;

namespace CrmInsight.Domain.Demo;

/// <summary>Who a demo customer is and how they behave; drawn from the customer's own random stream.</summary>
internal sealed class CustomerProfile
{
    public required long CustomerId { get; init; }
    public required int SegmentIndex { get; init; }
    public required int RegionIndex { get; init; }
    public required RepRow Owner { get; init; }
    public required DateOnly Acquired { get; init; }
    public required int AcquisitionChannelId { get; init; }
    public required int? AcquisitionCampaignId { get; init; }

    /// <summary>Expected orders per month before seasonality (the Pareto skew lives here).</summary>
    public required double OrdersPerMonth { get; init; }
    public required double OrderValue { get; init; }
    public required double MonthlyChurn { get; init; }
    public required int PreferredChannelId { get; init; }
    public required int[] FavouriteCategoryIds { get; init; }

    /// <summary>The first order: the acquisition date, or for accounts that predate the data, a day soon after it starts.</summary>
    public required DateOnly FirstOrder { get; init; }

    public Segment Segment => Segments[SegmentIndex];

    // Spread of customer value (log-normal sigma); with the segment mix it puts roughly
    // 60-80 % of a quarter's revenue on its top fifth of customers.
    private const double ValueSpread = 0.7;

    // Share of customers that were already customers when the data starts (migrated accounts).
    private const double ExistingShare = 0.25;

    public static CustomerProfile Draw(ref DemoRandom random, long customerId, DemoWorld world)
    {
        Span<double> weights = stackalloc double[Segments.Length];
        for (var i = 0; i < Segments.Length; i++)
        {
            weights[i] = Segments[i].Weight;
        }
        var segmentIndex = random.Pick(weights);
        var segment = Segments[segmentIndex];

        Span<double> regionWeights = stackalloc double[Regions.Length];
        for (var i = 0; i < Regions.Length; i++)
        {
            regionWeights[i] = Regions[i].Weight;
        }
        var regionIndex = random.Pick(regionWeights);
        var owner = random.Pick(world.RepsFor(regionIndex + 1, segment.KeyAccount));

        var acquisitionChannel = random.Pick(segment.AcquisitionWeights) + 1;
        DateOnly acquired;
        DateOnly firstOrder;
        int? campaignId = null;
        if (random.Chance(ExistingShare))
        {
            acquired = world.Start.AddDays(-random.Next(30, 1500));
            firstOrder = world.Start.AddDays(random.Next(0, 45));
        }
        else
        {
            (acquired, campaignId) = DrawAcquisition(ref random, world, acquisitionChannel);
            firstOrder = acquired;
        }

        // Value: log-normal spread, split between how often and how much a customer buys, so
        // the top fifth of customers brings roughly 60-80 % of revenue.
        var value = random.LogNormal(0, ValueSpread);
        var categories = segment.KeyAccount || segmentIndex == 2 ? BusinessCategoryWeights : ConsumerCategoryWeights;
        var first = random.Pick(categories) + 1;
        var second = random.Pick(categories) + 1;

        return new CustomerProfile
        {
            CustomerId = customerId,
            SegmentIndex = segmentIndex,
            RegionIndex = regionIndex,
            Owner = owner,
            Acquired = acquired,
            FirstOrder = firstOrder > world.Today ? world.Today : firstOrder,
            AcquisitionChannelId = acquisitionChannel,
            AcquisitionCampaignId = campaignId,
            OrdersPerMonth = segment.OrdersPerMonth * Math.Pow(value, 0.5),
            OrderValue = segment.OrderValue * Math.Pow(value, 0.5),
            MonthlyChurn = segment.MonthlyChurn * random.Uniform(0.6, 1.4),
            PreferredChannelId = random.Pick(segment.ChannelWeights) + 1,
            FavouriteCategoryIds = first == second ? [first] : [first, second],
        };
    }

    /// <summary>
    /// Acquisition grows about 30 % a year. Paid channels acquire mostly during their
    /// campaigns (and then the customer carries the campaign), so campaigns visibly lift it.
    /// </summary>
    private static (DateOnly Date, int? CampaignId) DrawAcquisition(ref DemoRandom random, DemoWorld world, int channelId)
    {
        var totalDays = world.Today.DayNumber - world.Start.DayNumber + 1;
        if (channelId != Organic && random.Chance(0.75))
        {
            var candidates = world.StartedCampaigns(channelId);
            if (candidates.Count > 0)
            {
                var campaign = random.Pick(candidates);
                // Within the campaign's attribution window, and never after today.
                var window = campaign.EndDate.DayNumber - campaign.StartDate.DayNumber + campaign.AttributionDays;
                window = Math.Min(window, world.Today.DayNumber - campaign.StartDate.DayNumber + 1);
                return (campaign.StartDate.AddDays(random.Next(window)), campaign.CampaignId);
            }
        }
        const double yearlyGrowth = 0.262; // ln(1.3)
        var g = yearlyGrowth * totalDays / 365.0;
        while (true)
        {
            var t = Math.Log(1 + (random.NextDouble() * (Math.Exp(g) - 1))) / g;
            var date = world.Start.AddDays((int)(t * totalDays));
            if (random.NextDouble() * 1.4 < MonthSeason[date.Month - 1])
            {
                return (date > world.Today ? world.Today : date, null);
            }
        }
    }

    /// <summary>Orders expected over the customer's life if service never drove them away (for calibration).</summary>
    public double ExpectedOrders(DateOnly today)
    {
        var expected = 1.0;
        var survival = 1.0;
        var month = new DateOnly(FirstOrder.Year, FirstOrder.Month, 1);
        var first = true;
        while (month <= today)
        {
            var share = first ? (DateTime.DaysInMonth(month.Year, month.Month) - FirstOrder.Day + 1) / (double)DateTime.DaysInMonth(month.Year, month.Month) : 1.0;
            expected += survival * OrdersPerMonth * MonthSeason[month.Month - 1] * share;
            survival *= 1 - MonthlyChurn;
            month = month.AddMonths(1);
            first = false;
        }
        return expected;
    }
}
