using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Web.Hosting;

namespace CrmInsight.Web.Api;

/// <summary>
/// What is wrong with a request's query string, per parameter, answered as one 400 that names
/// every bad parameter — or, when it names rows outside the caller's scope (a team, a rep, a
/// customer), one 403 that names them: the rule the API and the exports share. A request is
/// never answered for a wider or narrower scope than its caller's.
/// </summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _outsideScope = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0 || _outsideScope.Count > 0;

    /// <summary>503 while the database is not ready; null once it is.</summary>
    public static IResult? NotReady(DatabaseReadiness readiness) => readiness.IsReady
        ? null
        : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: readiness.Message);

    public void Add(string parameter, string message) => Add(_errors, parameter, message);

    /// <summary>The request names something outside the caller's scope.</summary>
    public void AddOutsideScope(string parameter, string message) => Add(_outsideScope, parameter, message);

    private static void Add(Dictionary<string, List<string>> errors, string parameter, string message)
    {
        if (!errors.TryGetValue(parameter, out var messages))
        {
            errors[parameter] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Names every parameter that is neither a filter parameter nor one of <paramref name="known"/>.</summary>
    public void RejectUnknown(IQueryCollection query, IEnumerable<string> known)
    {
        var allowed = FilterQueryString.ParameterNames.Concat(known).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in query.Keys.Where(k => !allowed.Contains(k)))
        {
            Add(key, $"'{key}' is not a known parameter.");
        }
    }

    /// <summary>The filter the query string gives, with every value that cannot be used named.</summary>
    public DashboardFilter ParseFilter(IQueryCollection query, DimensionCatalog catalog)
    {
        var parsed = catalog.Validate(FilterQueryString.Parse(query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))));
        foreach (var problem in parsed.Problems)
        {
            if (problem.Kind == FilterProblemKind.OutsideScope)
            {
                AddOutsideScope(problem.Parameter, problem.Message);
            }
            else
            {
                Add(problem.Parameter, problem.Message);
            }
        }
        return parsed.Filter;
    }

    public IResult ToResult() => _outsideScope.Count > 0
        ? Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Outside your data scope",
            detail: string.Join(" ", _outsideScope.SelectMany(e => e.Value)),
            extensions: new Dictionary<string, object?> { ["errors"] = _outsideScope.ToDictionary(e => e.Key, e => e.Value.ToArray()) })
        : Results.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            detail: string.Join(" ", _errors.SelectMany(e => e.Value)));
}
