using System.Globalization;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Demo;

/// <summary>What one simulator step wrote.</summary>
public sealed record SimulatedStep(int Orders, int Tickets, int Surveys, int Touches);

/// <summary>
/// Believable live events for a demo wall, written through the ingest API's own path (so they
/// are validated, transactional and bump the version like real writes): orders at a daily
/// rhythm (quiet at night, busy late morning and evening), tickets that open and later get a
/// first response and a resolution, surveys, and responses to campaigns.
/// </summary>
public sealed class LiveEventSimulator(IngestService ingest, QueryRunner runner, TimeProvider time, int seed = 7)
{
    private static readonly double[] HourlyRhythm =
        [0.15, 0.08, 0.05, 0.04, 0.05, 0.1, 0.25, 0.5, 0.8, 1.1, 1.4, 1.5, 1.3, 1.1, 1.0, 1.0, 1.1, 1.2, 1.3, 1.5, 1.7, 1.6, 1.0, 0.4];

    private readonly Random _random = new(seed);
    private readonly List<OpenTicket> _open = [];
    private List<string> _customers = [];
    private Dictionary<string, List<string>> _members = [];
    private long _counter;

    private static readonly double RhythmMean = HourlyRhythm.Average();

    /// <summary>The rate's multiplier at this hour of the day; the day's average is 1, so the configured rate is the daily mean.</summary>
    public static double Rhythm(int hour) => HourlyRhythm[hour] / RhythmMean;

    /// <summary>Writes the events of <paramref name="elapsed"/> of business at <paramref name="ordersPerSecond"/> on average.</summary>
    public async Task<SimulatedStep> StepAsync(TimeSpan elapsed, double ordersPerSecond, CancellationToken cancellationToken = default)
    {
        if (_customers.Count == 0)
        {
            await LoadAsync(cancellationToken);
        }
        var now = time.GetLocalNow().DateTime;
        var expected = ordersPerSecond * elapsed.TotalSeconds * Rhythm(now.Hour);
        var orders = Orders(Poisson(expected), now);
        var tickets = Tickets(Poisson(expected * 0.25), now);
        var surveys = Surveys(Poisson(expected * 0.15), now);
        var touches = Touches(Poisson(expected * 0.3), now);
        // One transaction and one version per step: one change on the screens, not four.
        var parts = new (IngestKind, List<Dictionary<string, string?>>)[] { (IngestKind.Orders, orders), (IngestKind.Tickets, tickets), (IngestKind.Surveys, surveys), (IngestKind.Touches, touches) }
            .Where(p => p.Item2.Count > 0)
            .Select(p => (p.Item1, (IReadOnlyList<IngestRecord>)[.. p.Item2.Select((r, i) => new IngestRecord(i + 1, r.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value)))]))
            .ToList();
        if (parts.Count > 0)
        {
            await ingest.IngestAsync(parts, cancellationToken);
        }
        return new SimulatedStep(orders.Count, tickets.Count, surveys.Count, touches.Count);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _customers = [.. (await runner.QueryRowsAsync("ingest/sample_customers", SqlArgs.Empty, cancellationToken)).Select(r => r.GetString("customer_code")!)];
        _members = (await runner.QueryRowsAsync("ingest/lookups", SqlArgs.Empty, cancellationToken))
            .GroupBy(r => r.GetString("kind")!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.GetString("name")!).ToList());
        if (_customers.Count == 0)
        {
            throw new InvalidOperationException("The simulator needs customers to sell to: start from the demo data or import customers first.");
        }
    }

    private List<Dictionary<string, string?>> Orders(int count, DateTime now)
    {
        var records = new List<Dictionary<string, string?>>();
        for (var i = 0; i < count; i++)
        {
            var roll = _random.NextDouble();
            // Mostly known customers, some first orders, a few anonymous walk-ins.
            var customer = roll < 0.85 ? Pick(_customers) : roll < 0.95 ? $"LIVE-C{now:yyMMdd}{Next():D6}" : null;
            var revenue = Math.Round((decimal)Math.Exp(6.1 + (0.7 * Gaussian())), 2);
            var record = new Dictionary<string, string?>
            {
                ["id"] = $"LIVE-{now:yyyyMMdd}-{Next():D7}",
                ["customer"] = customer,
                ["date"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["revenue"] = revenue.ToString(CultureInfo.InvariantCulture),
                ["cost"] = Math.Round(revenue * (decimal)(0.62 + (0.12 * _random.NextDouble())), 2).ToString(CultureInfo.InvariantCulture),
                ["items"] = (1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture),
                ["channel"] = PickMember("channel"),
                ["category"] = PickMember("category"),
                ["rep"] = PickMember("rep"),
            };
            if (customer is null || customer.StartsWith("LIVE-", StringComparison.Ordinal))
            {
                record["region"] = PickMember("region");
            }
            records.Add(record);
        }
        return records;
    }

    private List<Dictionary<string, string?>> Tickets(int opened, DateTime now)
    {
        var records = new List<Dictionary<string, string?>>();
        for (var i = 0; i < opened; i++)
        {
            var channel = Weighted(DemoConstants.ServiceChannels.Select(c => (c.Name, c.Weight)));
            _open.Add(new OpenTicket($"LIVE-T{now:yyyyMMdd}-{Next():D7}", Pick(_customers), Weighted(DemoConstants.TicketCategories), channel, now, _random.NextDouble() < 0.12));
        }
        // Tickets move on: answered after a while, resolved later; each change re-sends the
        // ticket, which replaces the earlier copy (idempotent on its id).
        foreach (var ticket in _open.ToList())
        {
            var age = now - ticket.Submitted;
            if (ticket.Responded is null && age.TotalSeconds > 20 + (_random.NextDouble() * 60))
            {
                ticket.Responded = now;
            }
            else if (ticket.Responded is not null && age.TotalSeconds > 90 + (_random.NextDouble() * 240))
            {
                ticket.Resolved = now;
                _open.Remove(ticket);
            }
            else if (ticket.Submitted != now)
            {
                continue;
            }
            records.Add(new Dictionary<string, string?>
            {
                ["id"] = ticket.Code,
                ["customer"] = ticket.Customer,
                ["category"] = ticket.Category,
                ["channel"] = ticket.Channel,
                ["submitted"] = Stamp(ticket.Submitted),
                ["firstresponse"] = ticket.Responded is { } r ? Stamp(r) : null,
                ["resolved"] = ticket.Resolved is { } s ? Stamp(s) : null,
                ["complaint"] = ticket.Complaint ? "true" : "false",
                ["agent"] = PickMember("agent"),
            });
        }
        return records;
    }

    private List<Dictionary<string, string?>> Surveys(int count, DateTime now) =>
        [.. Enumerable.Range(0, count).Select(_ => new Dictionary<string, string?>
        {
            ["id"] = $"LIVE-S{now:yyyyMMdd}-{Next():D7}",
            ["customer"] = Pick(_customers),
            ["date"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["touchpoint"] = _random.NextDouble() < 0.6 ? "purchase" : "service",
            ["csat"] = Math.Clamp((int)Math.Round(78 + (14 * Gaussian())), 0, 100).ToString(CultureInfo.InvariantCulture),
            ["rating"] = Math.Clamp((int)Math.Round(7.8 + (1.5 * Gaussian())), 1, 10).ToString(CultureInfo.InvariantCulture),
            ["recommend"] = Math.Clamp((int)Math.Round(7.6 + (2 * Gaussian())), 0, 10).ToString(CultureInfo.InvariantCulture),
        })];

    private List<Dictionary<string, string?>> Touches(int count, DateTime now)
    {
        if (!_members.TryGetValue("campaign", out var campaigns) || campaigns.Count == 0)
        {
            return [];
        }
        var seen = new HashSet<(string, string)>();
        var records = new List<Dictionary<string, string?>>();
        for (var i = 0; i < count; i++)
        {
            var campaign = campaigns[^(1 + _random.Next(Math.Min(4, campaigns.Count)))]; // the latest campaigns
            var customer = Pick(_customers);
            if (!seen.Add((campaign, customer)))
            {
                continue;
            }
            records.Add(new Dictionary<string, string?>
            {
                ["campaign"] = campaign,
                ["customer"] = customer,
                ["sent"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["responded"] = "true",
                ["converted"] = _random.NextDouble() < 0.3 ? "true" : "false",
            });
        }
        return records;
    }

    private long Next() => Interlocked.Increment(ref _counter) + (10_000 * (long)_random.Next(100));

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private string Pick(List<string> items) => items[_random.Next(items.Count)];

    private string? PickMember(string kind) => _members.TryGetValue(kind, out var names) && names.Count > 0 ? Pick(names) : null;

    private string Weighted(IEnumerable<(string Name, double Weight)> options)
    {
        var list = options.ToList();
        var roll = _random.NextDouble() * list.Sum(o => o.Weight);
        foreach (var (name, weight) in list)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return name;
            }
        }
        return list[^1].Name;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private int Poisson(double mean)
    {
        // Knuth's method: fine for the small means of one step.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= _random.NextDouble();
        }
        while (p > limit && k < 1000);
        return k - 1;
    }

    private sealed class OpenTicket(string code, string customer, string category, string channel, DateTime submitted, bool complaint)
    {
        public string Code => code;
        public string Customer => customer;
        public string Category => category;
        public string Channel => channel;
        public DateTime Submitted => submitted;
        public bool Complaint => complaint;
        public DateTime? Responded { get; set; }
        public DateTime? Resolved { get; set; }
    }
}
