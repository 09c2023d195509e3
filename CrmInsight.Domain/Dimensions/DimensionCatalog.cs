using CrmInsight.Domain.Filters;

namespace CrmInsight.Domain.Dimensions;

/// <summary>The members of every filterable dimension at one data version.</summary>
public sealed class DimensionCatalog
{
    private readonly Dictionary<DimensionKind, IReadOnlyList<DimensionMember>> _members;
    private readonly Dictionary<(DimensionKind, int), DimensionMember> _byId;

    public DimensionCatalog(IEnumerable<DimensionMember> members)
    {
        var list = members.ToList();
        _members = DimensionKinds.All.ToDictionary(k => k, k => (IReadOnlyList<DimensionMember>)[.. list.Where(m => m.Kind == k)]);
        _byId = list.ToDictionary(m => (m.Kind, m.Id));
    }

    public IReadOnlyList<DimensionMember> Members(DimensionKind kind) => _members[kind];

    public DimensionMember? Find(DimensionKind kind, int id) => _byId.GetValueOrDefault((kind, id));

    public string NameOf(DimensionKind kind, int id) => Find(kind, id)?.Name ?? $"#{id}";

    /// <summary>
    /// Drops the members that do not exist (or are outside the caller's scope) and names each
    /// as a problem; the rest of the filter stands.
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
            problems.AddRange(unknown.Select(id => new FilterProblem(FilterProblemKind.UnknownMember, kind.UrlName(), id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            filter = filter.WithMembers(kind, IdSet.Of(selected.Except(unknown)));
        }
        return new FilterParseResult(filter, problems);
    }
}
