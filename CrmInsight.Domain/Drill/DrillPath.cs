using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Drill;

/// <summary>A step of the breadcrumb: its label and the level and filter a click on it opens.</summary>
public sealed record DrillCrumb(string Label, DrillLevel Level, DashboardFilter Filter, bool IsCurrent);

/// <summary>
/// The breadcrumb of a drill: "All regions › East China › Key Accounts › Wang Wei", built from
/// the filter (a level counts as chosen when the filter selects exactly one member of it).
/// Every crumb keeps the other filters and the period; going up clears the levels below.
/// </summary>
public static class DrillPath
{
    private static readonly DrillLevel[] Chosen = [DrillLevel.Region, DrillLevel.Team, DrillLevel.Rep];

    public static IReadOnlyList<DrillCrumb> Crumbs(DashboardFilter filter, DrillLevel level, DimensionCatalog catalog, string allLabel)
    {
        var root = Chosen.Aggregate(filter, (f, l) => f.WithMembers(l.Dimension()!.Value, IdSet.Empty));
        var crumbs = new List<DrillCrumb> { new(allLabel, DrillLevel.Region, root, level == DrillLevel.Region) };
        var current = root;
        foreach (var chosen in Chosen.Where(l => l < level))
        {
            var kind = chosen.Dimension()!.Value;
            var members = filter.Members(kind);
            if (members.Count != 1)
            {
                continue;
            }
            current = current.WithMembers(kind, members);
            var id = members.First();
            crumbs.Add(new DrillCrumb(catalog.NameOf(kind, id), chosen.Next()!.Value, current, chosen.Next() == level));
        }
        return crumbs;
    }

    /// <summary>The filter and level a click on a member of <paramref name="level"/> opens.</summary>
    public static (DrillLevel Level, DashboardFilter Filter)? Down(DashboardFilter filter, DrillLevel level, int memberId) =>
        level.Next() is { } next && level.Dimension() is { } kind
            ? (next, filter.WithMembers(kind, IdSet.Of(memberId)))
            : null;
}
