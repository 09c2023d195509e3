using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Filters;

/// <summary>
/// Period, comparison and dimension pickers, and a chip per selected member. It never keeps a
/// filter of its own: every change is raised as a new filter and comes back as a parameter
/// once the page has put it in the URL.
/// </summary>
public partial class FilterBar
{
    private bool _showCustomRange;
    private MudBlazor.DateRange? _customRange;

    [Parameter, EditorRequired]
    public DashboardFilter Filter { get; set; } = DashboardFilter.Default;

    [Parameter, EditorRequired]
    public DimensionCatalog Catalog { get; set; } = new([]);

    /// <summary>The dates the filter resolves to today, shown as text.</summary>
    [Parameter]
    public ResolvedPeriod? Period { get; set; }

    [Parameter]
    public EventCallback<DashboardFilter> FilterChanged { get; set; }

    /// <summary>The presets to offer (every one by default); the current one is always listed.</summary>
    [Parameter]
    public IReadOnlyList<DatePreset>? Presets { get; set; }

    /// <summary>What Reset returns to: the page's default view.</summary>
    [Parameter]
    public DashboardFilter DefaultFilter { get; set; } = DashboardFilter.Default;

    private static readonly ComparisonMode[] Comparisons = [ComparisonMode.PreviousPeriod, ComparisonMode.SamePeriodLastYear];

    private IEnumerable<DatePreset> OfferedPresets =>
        Presets is null ? DatePresets.Selectable
        : DatePresets.Selectable.Where(p => Presets.Contains(p) || (p == Filter.Preset));

    protected override void OnParametersSet()
    {
        _showCustomRange = Filter.Preset == DatePreset.Custom;
        if (Filter.Preset == DatePreset.Custom && Period is not null)
        {
            _customRange = new MudBlazor.DateRange(
                Period.Period.From.ToDateTime(TimeOnly.MinValue),
                Period.Period.LastDay.ToDateTime(TimeOnly.MinValue));
        }
    }

    private Task OnPresetChanged(DatePreset preset)
    {
        if (preset == DatePreset.Custom)
        {
            // Wait for the dates before changing anything.
            _showCustomRange = true;
            return Task.CompletedTask;
        }
        return Raise(Filter.WithPreset(preset));
    }

    private Task OnCustomRangeChanged(MudBlazor.DateRange? range)
    {
        _customRange = range;
        if (range?.Start is not { } start || range.End is not { } end)
        {
            return Task.CompletedTask;
        }
        // The picker's end day is inclusive; a filter's "to" is exclusive.
        return Raise(Filter.WithCustomRange(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end).AddDays(1)));
    }

    /// <summary>
    /// A single-choice item picked with the pointer: raised at once, from the item's own pointer
    /// event. MudSelect raises ValueChanged only after a round trip to the browser (it closes its
    /// list first), and the list is gone from the screen before that round trip ends, so a click
    /// on the page right after (a grid row) reached the page before the new filter and acted on
    /// the old one. The select's own ValueChanged follows and finds the filter already chosen
    /// (<see cref="Raise"/> ignores an unchanged filter); keyboard choices go through it alone.
    /// </summary>
    private static Task Picked(Microsoft.AspNetCore.Components.Web.PointerEventArgs e, Func<Task> choose) =>
        e.Button == 0 ? choose() : Task.CompletedTask;

    private Task OnComparisonChanged(ComparisonMode mode) => Raise(Filter with { Comparison = mode });

    private Task OnMembersChanged(DimensionKind kind, IReadOnlyCollection<int>? members) =>
        Raise(Filter.WithMembers(kind, IdSet.Of(members ?? [])));

    private Task RemoveMember(DimensionKind kind, int id) => Raise(Filter.WithMembers(kind, Filter.Members(kind).Remove(id)));

    private Task Reset() => Raise(DefaultFilter);

    private Task Raise(DashboardFilter filter) => filter == Filter ? Task.CompletedTask : FilterChanged.InvokeAsync(filter);
}
