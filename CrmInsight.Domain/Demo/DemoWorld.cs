using static CrmInsight.Domain.Demo.DemoConstants;

namespace CrmInsight.Domain.Demo;

/// <summary>The dimensions of the demo company (regions, teams, reps, campaigns ...) and the
/// per-member traits the simulation uses (a rep's win rate, an agent's speed).</summary>
public sealed class DemoWorld
{
    private DemoWorld()
    {
    }

    public required DateOnly Start { get; init; }

    /// <summary>The last day with data.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The moment "now" on <see cref="Today"/>: nothing is generated after it.</summary>
    public required DateTime Now { get; init; }

    public required IReadOnlyList<RegionRow> Regions { get; init; }

    public required IReadOnlyList<NamedRow> Segments { get; init; }

    public required IReadOnlyList<NamedRow> Channels { get; init; }

    public required IReadOnlyList<NamedRow> MarketingChannels { get; init; }

    public required IReadOnlyList<NamedRow> Categories { get; init; }

    public required IReadOnlyList<TeamRow> Teams { get; init; }

    public required IReadOnlyList<RepRow> Reps { get; init; }

    public required IReadOnlyList<NamedRow> Agents { get; init; }

    public required IReadOnlyList<CampaignRow> Campaigns { get; set; }

    internal double[] RepWinRate { get; init; } = [];

    /// <summary>How far above (over 1) or below plan a rep sells; quotas are set from it.</summary>
    internal double[] RepPerformance { get; init; } = [];

    /// <summary>Multiplier on an agent's response and resolution times (over 1 is slow).</summary>
    internal double[] AgentSlowness { get; init; } = [];

    internal RepRow Rep(int repId) => Reps[repId - 1];

    /// <summary>Reps who changed team: the team they left and their first day in the new one
    /// (<see cref="RepRow.TeamId"/> is the team they are in now).</summary>
    internal IReadOnlyDictionary<int, (int FromTeamId, DateOnly Since)> Moves { get; private init; } = new Dictionary<int, (int, DateOnly)>();

    /// <summary>The team a rep sold for on a day: orders and quotas carry it, so a move does not rewrite history.</summary>
    internal int TeamOn(RepRow rep, DateOnly day) =>
        Moves.TryGetValue(rep.RepId, out var move) && day < move.Since ? move.FromTeamId : Reps[rep.RepId - 1].TeamId;

    internal CampaignRow Campaign(int campaignId) => Campaigns[campaignId - 1];

    /// <summary>The reps a customer of this region and segment is assigned to.</summary>
    internal IReadOnlyList<RepRow> RepsFor(int regionId, bool keyAccount) => _repsByTeamKind[(regionId, keyAccount)];

    /// <summary>Campaigns of a marketing channel that have started by today.</summary>
    internal IReadOnlyList<CampaignRow> StartedCampaigns(int marketingChannelId) =>
        _startedByChannel.TryGetValue(marketingChannelId, out var list) ? list : [];

    /// <summary>Campaigns starting in the calendar month of <paramref name="month"/>.</summary>
    internal IReadOnlyList<CampaignRow> CampaignsStartingIn(DateOnly month) =>
        _byStartMonth.TryGetValue((month.Year * 12) + month.Month, out var list) ? list : [];

    private Dictionary<(int RegionId, bool KeyAccount), IReadOnlyList<RepRow>> _repsByTeamKind = [];
    private Dictionary<int, IReadOnlyList<CampaignRow>> _startedByChannel = [];
    private Dictionary<int, IReadOnlyList<CampaignRow>> _byStartMonth = [];

    /// <summary>Rebuilds the campaign look-ups (after budgets are set).</summary>
    internal void IndexCampaigns()
    {
        _startedByChannel = Campaigns.Where(c => c.StartDate <= Today)
            .GroupBy(c => c.MarketingChannelId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CampaignRow>)[.. g]);
        _byStartMonth = Campaigns
            .GroupBy(c => (c.StartDate.Year * 12) + c.StartDate.Month)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CampaignRow>)[.. g]);
    }

    public static DemoWorld Build(int seed, DateOnly today, DateTime now, int years)
    {
        var random = new DemoRandom(seed, -1);
        var start = today.AddYears(-years).AddDays(1);

        var regions = DemoConstants.Regions.Select((r, i) => new RegionRow(i + 1, r.Name)).ToList();
        var teams = new List<TeamRow>();
        var reps = new List<RepRow>();
        var winRates = new List<double>();
        var performance = new List<double>();
        foreach (var region in regions)
        {
            foreach (var keyAccounts in new[] { true, false })
            {
                var team = new TeamRow(teams.Count + 1, $"{region.Name} {(keyAccounts ? "Key Accounts" : "Inside Sales")}", region.RegionId, keyAccounts);
                teams.Add(team);
                var size = keyAccounts ? random.Next(4, 6) : random.Next(6, 9);
                for (var i = 0; i < size; i++)
                {
                    var name = $"{random.Pick(GivenNames)} {random.Pick(Surnames)}";
                    var hired = start.AddDays(-random.Next(60, 2500));
                    reps.Add(new RepRow(reps.Count + 1, name, team.TeamId, region.RegionId, hired));
                    winRates.Add(random.Uniform(0.18, 0.46));
                    performance.Add(Math.Clamp(random.Normal(1.0, 0.14), 0.72, 1.32));
                }
            }
        }

        var agents = Enumerable.Range(1, 24)
            .Select(i => new NamedRow(i, $"{random.Pick(GivenNames)} {random.Pick(Surnames)}"))
            .ToList();
        // A few slow agents make "which agent is slow" a question the data can answer.
        var slowness = agents.Select(_ => random.Chance(0.15) ? random.Uniform(1.8, 2.6) : random.LogNormal(0, 0.25)).ToArray();

        // Customers are assigned to the teams reps were hired into; one rep of the first region's
        // inside-sales team moved to its key-accounts team on the first day of last month (so the
        // current quarter usually has months in both teams).
        var pools = teams.ToDictionary(
            t => (t.RegionId, t.KeyAccounts),
            t => (IReadOnlyList<RepRow>)[.. reps.Where(r => r.TeamId == t.TeamId)]);
        var mover = reps.First(r => r.TeamId == teams[1].TeamId);
        reps[mover.RepId - 1] = mover with { TeamId = teams[0].TeamId };
        var moves = new Dictionary<int, (int, DateOnly)> { [mover.RepId] = (teams[1].TeamId, new DateOnly(today.Year, today.Month, 1).AddMonths(-1)) };

        var world = new DemoWorld
        {
            Start = start,
            Today = today,
            Now = now,
            Regions = regions,
            Segments = [.. DemoConstants.Segments.Select((s, i) => new NamedRow(i + 1, s.Name))],
            Channels = [.. DemoConstants.Channels.Select((c, i) => new NamedRow(i + 1, c))],
            MarketingChannels = [.. DemoConstants.MarketingChannels.Select((c, i) => new NamedRow(i + 1, c.Name))],
            Categories = [.. DemoConstants.Categories.Select((c, i) => new NamedRow(i + 1, c.Name))],
            Teams = teams,
            Reps = reps,
            Agents = agents,
            Campaigns = BuildCampaigns(ref random, start, today),
            RepWinRate = [.. winRates],
            RepPerformance = [.. performance],
            AgentSlowness = slowness,
            Moves = moves,
        };
        world._repsByTeamKind = pools;
        world.IndexCampaigns();
        return world;
    }

    /// <summary>A campaign every two to four weeks, themed by season, rotating through the paid channels.</summary>
    private static List<CampaignRow> BuildCampaigns(ref DemoRandom random, DateOnly start, DateOnly today)
    {
        var campaigns = new List<CampaignRow>();
        double[] channelWeights = [0.30, 0.18, 0.14, 0.18, 0.10, 0.10, 0];
        var day = start.AddDays(random.Next(3, 15));
        while (day <= today.AddDays(20))
        {
            var channel = random.Pick(channelWeights) + 1;
            var profile = DemoConstants.MarketingChannels[channel - 1];
            var duration = channel == 5 ? random.Next(3, 8) : random.Next(14, 43);
            var theme = CampaignThemes[day.Month - 1];
            campaigns.Add(new CampaignRow(
                campaigns.Count + 1,
                $"{theme} {day.Year} · {profile.Name}",
                channel,
                day,
                day.AddDays(duration),
                profile.AttributionDays,
                Budget: 0));
            day = day.AddDays(random.Next(12, 26));
        }
        return campaigns;
    }
}
