namespace CrmInsight.Domain.Filters;

/// <summary>
/// Everything that narrows a view: the period, what it is compared with, and the members
/// selected per dimension (an empty set means all). Immutable with value equality, so it can
/// key caches and round-trip through the URL.
/// </summary>
public sealed record DashboardFilter
{
    public static readonly DashboardFilter Default = new();

    public DatePreset Preset { get; init; } = DatePresets.Default;

    /// <summary>Start of a custom range (only with <see cref="DatePreset.Custom"/>).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Exclusive end of a custom range.</summary>
    public DateOnly? To { get; init; }

    public ComparisonMode Comparison { get; init; } = ComparisonMode.PreviousPeriod;

    public IdSet Regions { get; init; } = IdSet.Empty;

    public IdSet Segments { get; init; } = IdSet.Empty;

    public IdSet Channels { get; init; } = IdSet.Empty;

    public IdSet Categories { get; init; } = IdSet.Empty;

    public IdSet Teams { get; init; } = IdSet.Empty;

    public IdSet Reps { get; init; } = IdSet.Empty;

    public IdSet Campaigns { get; init; } = IdSet.Empty;

    public IdSet Members(DimensionKind kind) => kind switch
    {
        DimensionKind.Region => Regions,
        DimensionKind.Segment => Segments,
        DimensionKind.Channel => Channels,
        DimensionKind.Category => Categories,
        DimensionKind.Team => Teams,
        DimensionKind.Rep => Reps,
        DimensionKind.Campaign => Campaigns,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public DashboardFilter WithMembers(DimensionKind kind, IdSet members) => kind switch
    {
        DimensionKind.Region => this with { Regions = members },
        DimensionKind.Segment => this with { Segments = members },
        DimensionKind.Channel => this with { Channels = members },
        DimensionKind.Category => this with { Categories = members },
        DimensionKind.Team => this with { Teams = members },
        DimensionKind.Rep => this with { Reps = members },
        DimensionKind.Campaign => this with { Campaigns = members },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The dimensions with a selection.</summary>
    public IEnumerable<DimensionKind> ActiveDimensions => DimensionKinds.All.Where(k => !Members(k).IsEmpty);

    public DashboardFilter WithPreset(DatePreset preset) => this with { Preset = preset, From = null, To = null };

    public DashboardFilter WithCustomRange(DateOnly from, DateOnly to) =>
        to > from
            ? this with { Preset = DatePreset.Custom, From = from, To = to }
            : throw new ArgumentException("The range must end after it starts.", nameof(to));
}
