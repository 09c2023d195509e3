using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Dimensions;

/// <summary>
/// The members of every filterable dimension at one data version, as a scope sees them: a
/// scoped catalog holds only the scope's teams and reps.
/// </summary>
public sealed class DimensionCatalog
{
    private static readonly DimensionKind[] ScopedKinds = [DimensionKind.Team, DimensionKind.Rep];
    private readonly Dictionary<DimensionKind, IReadOnlyList<DimensionMember>> _members;
    private readonly Dictionary<(DimensionKind, int), DimensionMember> _byId;
    private readonly bool _scoped;

    /// <param name="scoped">The members were read for a limited scope: a team or rep missing here may exist, outside it.</param>
    public DimensionCatalog(IEnumerable<DimensionMember> members, bool scoped = false)
    {
        _scoped = scoped;
        var list = members.ToList();
        _members = DimensionKinds.All.ToDictionary(k => k, k => (IReadOnlyList<DimensionMember>)[.. list.Where(m => m.Kind == k)]);
        _byId = list.ToDictionary(m => (m.Kind, m.Id));
    }

    public IReadOnlyList<DimensionMember> Members(DimensionKind kind) => _members[kind];

    public DimensionMember? Find(DimensionKind kind, int id) => _byId.GetValueOrDefault((kind, id));

    public string NameOf(DimensionKind kind, int id) => Find(kind, id)?.Name ?? $"#{id}";

    /// <summary>
    /// Drops the members that do not exist, or are outside the caller's scope, and names each as
    /// a problem (<see cref="FilterProblemKind.OutsideScope"/> for a limited scope's missing team or
    /// rep, whether or not it exists elsewhere: which ids other teams have is not the caller's to
    /// learn); the rest of the filter stands.
    /// </summary>
    public FilterParseResult Validate(FilterParseResult parsed)
    {
        var problems = parsed.Problems.ToList();
        var filter = parsed.Filter;
        foreach (var kind in DimensionKinds.All)
        {
            var selected = filter.Members(kind);
            var unknown = selected.Where(id => Find(kind, id) is null).ToList();
            if (unknown.Count == 0)
            {
                continue;
            }
            var problem = _scoped && ScopedKinds.Contains(kind) ? FilterProblemKind.OutsideScope : FilterProblemKind.UnknownMember;
            problems.AddRange(unknown.Select(id => new FilterProblem(problem, kind.UrlName(), id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            filter = filter.WithMembers(kind, IdSet.Of(selected.Except(unknown)));
        }
        return new FilterParseResult(filter, problems);
    }
}
