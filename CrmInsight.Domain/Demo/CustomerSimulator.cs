using static CrmInsight.Domain.Demo.DemoConstants;

namespace CrmInsight.Domain.Demo;

/// <summary>
/// Lives one customer's history month by month: orders with seasonality, service tickets
/// whose slowness raises the chance of leaving, surveys that reflect it, campaign touches
/// that lift orders and win some lapsed customers back, and for business customers the
/// rep's opportunities and follow-ups.
/// </summary>
internal sealed class CustomerSimulator(DemoWorld world, IDemoSink sink, DemoLedger ledger, double orderRateScale)
{
    // Business buyers order more items per order than consumers (by segment index).
    private static readonly double[] ItemScale = [5, 3, 1.8, 1];

    // Monthly churn multiplier for the four months after a slow or unresolved ticket.
    private const double UnhappyChurnFactor = 8;

    private readonly List<DateOnly> _saleDates = [];
    private readonly List<(CampaignRow Campaign, DateOnly Sent, bool Responded, DateOnly? RespondedOn)> _touches = [];
    private readonly List<(int CampaignId, DateOnly From, DateOnly Until)> _responseWindows = [];

    private DemoRandom _random;
    private CustomerProfile _profile = null!;
    private DateOnly _unhappyUntil;
    private double _mood;

    public void Simulate(int seed, long customerId)
    {
        _random = new DemoRandom(seed, customerId);
        _profile = CustomerProfile.Draw(ref _random, customerId, world);
        _saleDates.Clear();
        _touches.Clear();
        _responseWindows.Clear();
        _unhappyUntil = DateOnly.MinValue;
        _mood = 0;

        sink.Add(CustomerRecord());

        var active = true;
        var acquired = _profile.Acquired;
        var firstOrder = _profile.FirstOrder;
        var month = new DateOnly(firstOrder.Year, firstOrder.Month, 1);
        while (month <= world.Today)
        {
            var firstDay = month < firstOrder ? firstOrder : month;
            var lastDay = month.AddMonths(1).AddDays(-1);
            lastDay = lastDay > world.Today ? world.Today : lastDay;
            var share = (lastDay.DayNumber - firstDay.DayNumber + 1) / (double)DateTime.DaysInMonth(month.Year, month.Month);

            active = Touch(month, acquired, active);
            if (month.Year == firstOrder.Year && month.Month == firstOrder.Month)
            {
                Order(firstOrder, _profile.AcquisitionCampaignId);
            }
            if (!active && _random.Chance(0.006))
            {
                active = true; // came back on their own
            }
            if (active)
            {
                // Unhappy customers also buy less while they are unhappy.
                var mood = _unhappyUntil >= month ? 0.6 : 1.0;
                var orders = _random.Poisson(orderRateScale * _profile.OrdersPerMonth * MonthSeason[month.Month - 1] * share * mood);
                for (var i = 0; i < orders; i++)
                {
                    var day = RandomDay(firstDay, lastDay);
                    Order(day, CampaignCovering(day));
                }
                Opportunity(firstDay, lastDay);
            }
            Activities(firstDay, lastDay, active ? share : share * 0.3);
            if (_random.Chance(0.1 / 12))
            {
                Survey(RandomDay(firstDay, lastDay), "relationship", _random.Normal(78 + _mood, 12));
            }

            // Churn: unhappy customers (slow or unresolved service) are far more likely to leave.
            var hazard = _profile.MonthlyChurn * (_unhappyUntil >= month ? UnhappyChurnFactor : 1);
            if (active && _random.Chance(hazard))
            {
                active = false;
            }
            month = month.AddMonths(1);
        }

        foreach (var touch in _touches)
        {
            var until = touch.Campaign.EndDate.AddDays(touch.Campaign.AttributionDays);
            var converted = _saleDates.Exists(d => d >= touch.Sent && d < until);
            sink.Add(new TouchRow(touch.Campaign.CampaignId, _profile.CustomerId, touch.Sent, touch.Responded, touch.RespondedOn, converted));
            ledger.Touches++;
        }
    }

    private CustomerRow CustomerRecord()
    {
        var segment = _profile.Segment;
        var region = Regions[_profile.RegionIndex];
        var city = _random.Pick(region.Cities);
        string name;
        string handle;
        if (segment.KeyAccount || _profile.SegmentIndex == 2)
        {
            var word = _random.Pick(CompanyWords);
            name = $"{city} {word} {_random.Pick(CompanyKinds)}";
            handle = $"purchasing@{word.ToLowerInvariant()}{_profile.CustomerId % 997}.com.cn";
        }
        else
        {
            var surname = _random.Pick(Surnames);
            var given = _random.Pick(GivenNames);
            name = $"{given} {surname}";
            handle = $"{given.ToLowerInvariant()}.{surname.ToLowerInvariant()}{_profile.CustomerId % 9973}@example.cn";
        }
        var phone = $"+86 1{_random.Next(30, 90)} {_random.Next(1000, 10000)} {_random.Next(1000, 10000)}";
        // A few records are incomplete, as in every real CRM (data_completeness).
        var missingContact = _random.Chance(0.02);
        var missingSegment = _random.Chance(0.005);
        return new CustomerRow(
            _profile.CustomerId,
            $"C{_profile.CustomerId:D7}",
            name,
            missingContact ? null : handle,
            missingContact ? null : phone,
            city,
            _profile.RegionIndex + 1,
            missingSegment ? null : _profile.SegmentIndex + 1,
            _profile.Owner.RepId,
            _profile.Acquired,
            _profile.AcquisitionChannelId,
            _profile.AcquisitionCampaignId);
    }

    private void Order(DateOnly day, int? campaignId, decimal? amount = null, int? channelId = null)
    {
        var categoryId = _random.Chance(0.8) ? _random.Pick(_profile.FavouriteCategoryIds) : _random.Next(1, Categories.Length + 1);
        var category = Categories[categoryId - 1];
        var channel = channelId ?? (_random.Chance(0.8) ? _profile.PreferredChannelId : _random.Pick(_profile.Segment.ChannelWeights) + 1);
        var revenue = amount ?? Math.Max(5m, Math.Round((decimal)(_profile.OrderValue * category.PriceFactor * _random.LogNormal(-0.125, 0.5)), 2));
        var cost = Math.Round(revenue * (decimal)(1 - (category.Margin * _random.Uniform(0.8, 1.2))), 2);
        var items = 1 + _random.Poisson((category.ItemsMean - 1) * ItemScale[_profile.SegmentIndex]);
        var cancelled = _random.Chance(0.025);
        var returned = !cancelled && _random.Chance(category.ReturnRate) ? Math.Round(revenue * (decimal)_random.Uniform(0.15, 1.0), 2) : 0m;
        var owner = _profile.Owner;

        sink.Add(new OrderRow(++ledger.NextOrderId, _profile.CustomerId, day, owner.RepId, world.TeamOn(owner, day), _profile.RegionIndex + 1,
            _profile.SegmentIndex + 1, channel, categoryId, campaignId, revenue, cost, items, returned, cancelled));
        ledger.Orders++;
        if (cancelled)
        {
            return;
        }
        _saleDates.Add(day);
        ledger.RepRevenue[owner.RepId, ledger.MonthIndex(day)] += revenue;
        if (_random.Chance(category.TicketRate))
        {
            Ticket(day);
        }
        if (_random.Chance(0.04))
        {
            Survey(day.AddDays(3), "purchase", _random.Normal(82 + (_mood / 2), 10));
        }
    }

    private void Ticket(DateOnly orderDay)
    {
        var submitted = orderDay.ToDateTime(new TimeOnly(8, 0)).AddDays(_random.Next(0, 15)).AddMinutes(_random.Next(0, 14 * 60));
        if (submitted > world.Now)
        {
            return;
        }
        Span<double> weights = stackalloc double[ServiceChannels.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = ServiceChannels[i].Weight;
        }
        var channel = ServiceChannels[_random.Pick(weights)];
        Span<double> categoryWeights = stackalloc double[TicketCategories.Length];
        for (var i = 0; i < categoryWeights.Length; i++)
        {
            categoryWeights[i] = TicketCategories[i].Weight;
        }
        var category = TicketCategories[_random.Pick(categoryWeights)].Name;
        var agentId = _random.Next(1, world.Agents.Count + 1);
        // Busy seasons (618, Singles' Day, year-end) slow everyone down.
        var load = submitted.Month switch { 11 or 12 => 1.5, 6 => 1.2, _ => 1.0 };
        var slowness = world.AgentSlowness[agentId - 1] * load;

        var responseMinutes = _random.LogNormal(Math.Log(channel.ResponseMinutes), 0.8) * slowness;
        var firstResponse = submitted.AddMinutes(responseMinutes);
        int? wait = null;
        int? talk = null;
        DateTime resolved;
        if (channel.Name == "phone")
        {
            wait = (int)Math.Round(responseMinutes * 60);
            talk = (int)Math.Round(_random.LogNormal(Math.Log(300), 0.6));
            resolved = _random.Chance(0.55) ? firstResponse.AddSeconds(talk.Value) : submitted.AddHours(_random.LogNormal(Math.Log(16), 1.0) * slowness);
        }
        else
        {
            resolved = submitted.AddHours(_random.LogNormal(Math.Log(18), 1.0) * slowness);
        }
        if (resolved < firstResponse)
        {
            resolved = firstResponse.AddMinutes(5);
        }
        var neverResolved = _random.Chance(0.015);
        DateTime? responseAt = firstResponse <= world.Now ? firstResponse : null;
        DateTime? resolvedAt = !neverResolved && resolved <= world.Now ? resolved : null;

        var hoursToResolve = ((resolvedAt ?? world.Now) - submitted).TotalHours;
        var bad = hoursToResolve > 72 || responseMinutes > 24 * 60;
        var complaint = _random.Chance(bad ? 0.45 : 0.10);
        if (bad)
        {
            var until = DateOnly.FromDateTime(submitted).AddDays(120);
            _unhappyUntil = until > _unhappyUntil ? until : _unhappyUntil;
            _mood -= 8;
        }
        sink.Add(new TicketRow(++ledger.NextTicketId, _profile.CustomerId, category, channel.Name, submitted, responseAt, resolvedAt,
            complaint, agentId, wait, talk));
        ledger.Tickets++;

        if (_random.Chance(0.35))
        {
            var answered = DateOnly.FromDateTime(resolvedAt ?? submitted.AddDays(7));
            Survey(answered, "service", bad ? _random.Normal(46, 15) : _random.Normal(85, 8));
        }
    }

    private void Survey(DateOnly date, string touchpoint, double csat)
    {
        if (date > world.Today)
        {
            return;
        }
        var score = (short)Math.Clamp(Math.Round(csat), 0, 100);
        var rating = (short)Math.Clamp(Math.Round((score / 10.0) + _random.Normal(0, 0.8)), 1, 10);
        var recommend = (short)Math.Clamp(Math.Round((score / 10.0) + 0.4 + _random.Normal(0, 1.4)), 0, 10);
        sink.Add(new SurveyRow(++ledger.NextSurveyId, _profile.CustomerId, date, touchpoint, score,
            touchpoint == "purchase" ? null : rating, recommend));
        ledger.Surveys++;
    }

    /// <summary>Campaigns starting this month reach some existing customers; responders buy
    /// within the attribution window, and some lapsed customers come back.</summary>
    private bool Touch(DateOnly month, DateOnly acquired, bool active)
    {
        foreach (var campaign in world.CampaignsStartingIn(month))
        {
            if (campaign.StartDate <= acquired)
            {
                continue;
            }
            var channel = MarketingChannels[campaign.MarketingChannelId - 1];
            var reach = channel.Name == "Events" && !_profile.Segment.KeyAccount ? 0 : channel.TouchShare;
            if (!channel.Touches || !_random.Chance(reach))
            {
                continue;
            }
            var duration = campaign.EndDate.DayNumber - campaign.StartDate.DayNumber;
            var sent = campaign.StartDate.AddDays(_random.Next(Math.Min(7, duration)));
            if (sent > world.Today)
            {
                continue;
            }
            var responded = _random.Chance(channel.ResponseRate * (active ? 1 : 0.5));
            DateOnly? respondedOn = null;
            if (responded)
            {
                var on = sent.AddDays(_random.Next(0, 5));
                respondedOn = on > world.Today ? world.Today : on;
                var until = campaign.EndDate.AddDays(campaign.AttributionDays);
                _responseWindows.Add((campaign.CampaignId, sent, until));
                if (_random.Chance(0.55))
                {
                    var day = respondedOn.Value.AddDays(_random.Next(0, Math.Max(1, until.DayNumber - respondedOn.Value.DayNumber)));
                    if (day <= world.Today)
                    {
                        Order(day, campaign.CampaignId);
                    }
                }
                if (!active && _random.Chance(0.4))
                {
                    active = true; // won back
                }
            }
            _touches.Add((campaign, sent, responded, respondedOn));
        }
        return active;
    }

    private int? CampaignCovering(DateOnly day)
    {
        foreach (var window in _responseWindows)
        {
            if (day >= window.From && day < window.Until && _random.Chance(0.6))
            {
                return window.CampaignId;
            }
        }
        return null;
    }

    private void Opportunity(DateOnly firstDay, DateOnly lastDay)
    {
        if (!_random.Chance(_profile.Segment.OpportunitiesPerMonth))
        {
            return;
        }
        var created = RandomDay(firstDay, lastDay);
        var amount = Math.Max(1000m, Math.Round((decimal)_random.LogNormal(Math.Log(_profile.OrderValue * 6), 0.6) / 100m) * 100m);
        var close = created.AddDays(_random.Next(20, 121));
        var rep = _profile.Owner;
        string stage;
        DateOnly? closed = null;
        if (close <= world.Today)
        {
            var won = _random.Chance(world.RepWinRate[rep.RepId - 1] * (_profile.SegmentIndex == 0 ? 1.1 : 1.0));
            stage = won ? "won" : "lost";
            closed = close;
            if (won)
            {
                Order(close, null, amount, DirectSales);
            }
        }
        else
        {
            // An open deal has moved through the stages in step with its time to close, so every
            // stage holds deals of every age (by age alone, only deals older than 75 days could be
            // in negotiation, and on some days there were none).
            var progress = (world.Today.DayNumber - created.DayNumber) / (double)(close.DayNumber - created.DayNumber);
            stage = progress switch { < 0.25 => "prospecting", < 0.5 => "qualification", < 0.75 => "proposal", _ => "negotiation" };
        }
        sink.Add(new OpportunityRow(++ledger.NextOpportunityId, rep.RepId, _profile.CustomerId, created, closed, stage, amount));
    }

    private void Activities(DateOnly firstDay, DateOnly lastDay, double share)
    {
        var count = _random.Poisson(_profile.Segment.ActivitiesPerMonth * share);
        for (var i = 0; i < count; i++)
        {
            var kind = ActivityKinds[_random.Pick(ActivityWeights)];
            sink.Add(new ActivityRow(++ledger.NextActivityId, _profile.Owner.RepId, _profile.CustomerId, RandomDay(firstDay, lastDay), kind));
        }
    }

    private DateOnly RandomDay(DateOnly first, DateOnly last) => first.AddDays(_random.Next(last.DayNumber - first.DayNumber + 1));
}
