namespace CrmInsight.Domain.Scorecards;

/// <summary>How the items of a group (the perspectives, or one perspective's KPIs) are weighted.</summary>
public enum WeightingMode
{
    /// <summary>From pairwise comparisons on Saaty's scale (层次分析法).</summary>
    Ahp,

    /// <summary>Weights entered directly.</summary>
    Direct,
}

/// <summary>A KPI on a scorecard: its perspective, what it is measured against, and its status thresholds (in score points).</summary>
public sealed record ScorecardKpi(
    string KpiId,
    Perspective Perspective,
    ScorecardStandard Standard,
    decimal? Target,
    decimal AmberFrom,
    decimal GreenFrom,
    decimal? DirectWeight = null)
{
    public KpiStatusRule Rule => new(Standard, Target, AmberFrom, GreenFrom);
}

/// <summary>How one perspective's KPIs are weighted, and its own weight when the perspectives are weighted directly.</summary>
public sealed record PerspectiveSettings(Perspective Perspective, WeightingMode KpiMode, decimal? DirectWeight = null);

/// <summary>One AHP judgement of a group: <see cref="A"/> is <see cref="Ratio"/> times as important as <see cref="B"/>.</summary>
public sealed record Judgement(string Group, string A, string B, decimal Ratio);

/// <summary>A named balanced scorecard (KPIS.md §6) as stored.</summary>
public sealed record ScorecardDefinition
{
    /// <summary>The group name of the comparisons between perspectives; a perspective's KPIs are the group of its key.</summary>
    public const string PerspectivesGroup = "perspectives";

    public int Id { get; init; }

    public required string Name { get; init; }

    public bool IsDefault { get; init; }

    public WeightingMode PerspectiveMode { get; init; } = WeightingMode.Ahp;

    /// <summary>One entry per perspective, in <see cref="Perspectives.All"/> order.</summary>
    public required IReadOnlyList<PerspectiveSettings> Perspectives { get; init; }

    /// <summary>The KPIs in display order.</summary>
    public required IReadOnlyList<ScorecardKpi> Kpis { get; init; }

    public IReadOnlyList<Judgement> Judgements { get; init; } = [];

    public DateTime UpdatedAt { get; init; }

    public PerspectiveSettings Settings(Perspective perspective) =>
        Perspectives.FirstOrDefault(p => p.Perspective == perspective) ?? new PerspectiveSettings(perspective, WeightingMode.Ahp);

    public IReadOnlyList<ScorecardKpi> KpisOf(Perspective perspective) => [.. Kpis.Where(k => k.Perspective == perspective)];

    /// <summary>The items a group compares, in order: the perspectives, or a perspective's KPI ids.</summary>
    public IReadOnlyList<string> ItemsOf(string group) =>
        group == PerspectivesGroup
            ? [.. Scorecards.Perspectives.All.Select(p => p.Key())]
            : Scorecards.Perspectives.TryParse(group, out var perspective) ? [.. KpisOf(perspective).Select(k => k.KpiId)] : [];

    /// <summary>
    /// The comparison matrix of a group from its judgements: a pair not judged is equal (1), and
    /// b vs a is the reciprocal of a vs b.
    /// </summary>
    public double[][] MatrixOf(string group)
    {
        var items = ItemsOf(group);
        var judged = Judgements.Where(j => j.Group == group).ToList();
        var matrix = new double[items.Count][];
        for (var i = 0; i < items.Count; i++)
        {
            matrix[i] = new double[items.Count];
            for (var j = 0; j < items.Count; j++)
            {
                matrix[i][j] = i == j ? 1 : Lookup(judged, items[i], items[j]);
            }
        }
        return matrix;
    }

    /// <summary>This scorecard with a group's judgements replaced by the upper triangle of <paramref name="matrix"/>.</summary>
    public ScorecardDefinition WithMatrix(string group, IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var items = ItemsOf(group);
        var judgements = Judgements.Where(j => j.Group != group).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                judgements.Add(new Judgement(group, items[i], items[j], (decimal)Math.Round(matrix[i][j], 6)));
            }
        }
        return this with { Judgements = judgements };
    }

    private static double Lookup(List<Judgement> judged, string a, string b)
    {
        if (judged.FirstOrDefault(j => j.A == a && j.B == b) is { } direct)
        {
            return (double)direct.Ratio;
        }
        return judged.FirstOrDefault(j => j.A == b && j.B == a) is { } reverse && reverse.Ratio > 0 ? 1 / (double)reverse.Ratio : 1;
    }
}
