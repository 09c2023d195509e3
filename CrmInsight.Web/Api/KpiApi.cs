using System.Globalization;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;

namespace CrmInsight.Web.Api;

/// <summary>
/// <c>GET /api/kpis?ids=revenue,orders&amp;from=2024-01-01&amp;to=2024-04-01&amp;region=3</c>: the same
/// engine and filter names as the pages. Anything it cannot honour is a 400 naming the
/// parameter, never a guess.
/// </summary>
public static class KpiApi
{
    public const string IdsParameter = "ids";

    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/kpis", GetKpisAsync).RequireAuthorization(Policies.ApiReader);
        return endpoints;
    }

    private static async Task<IResult> GetKpisAsync(
        HttpRequest request, DatabaseReadiness readiness, KpiService kpis, DimensionService dimensions, CancellationToken cancellationToken)
    {
        if (RequestErrors.NotReady(readiness) is { } notReady)
        {
            return notReady;
        }

        var errors = new RequestErrors();
        errors.RejectUnknown(request.Query, [IdsParameter]);
        var ids = request.Query[IdsParameter].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        foreach (var id in ids.Where(id => !kpis.Catalog.TryGet(id, out _)))
        {
            errors.Add(IdsParameter, $"There is no KPI '{id}'.");
        }
        var scope = PrincipalScope.For(request.HttpContext.User);
        var filter = errors.ParseFilter(request.Query, await dimensions.GetCatalogAsync(scope, cancellationToken));
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var report = await kpis.GetKpisAsync(filter, scope, ids.Count > 0 ? ids : kpis.Catalog.All.Select(k => k.Id), cancellationToken: cancellationToken);
        return Results.Ok(new KpiResponse(
            Date(report.Period.Period.From),
            Date(report.Period.Period.To),
            Date(report.Period.Comparison.From),
            Date(report.Period.Comparison.To),
            report.DataVersion,
            [.. report.Kpis.Select(k => new KpiValue(
                k.Id,
                k.Value,
                k.ComparisonValue,
                k.Change,
                k.Definition.Unit.ApiName(),
                k.Definition.ChangeKind == ChangeKind.Points ? "points" : "relative",
                [.. k.IgnoredFilters.Select(f => f.UrlName())],
                k.NotForTeamScope))]));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The response body. "to" values are exclusive, like the request's.</summary>
    public sealed record KpiResponse(string From, string To, string ComparisonFrom, string ComparisonTo, long DataVersion, IReadOnlyList<KpiValue> Kpis);

    /// <summary>
    /// One KPI; undefined values are null. changeKind says whether change is relative or in points
    /// of the KPI's own scale. notForTeamScope: null because the KPI reads campaign spend, which
    /// has no team, and the caller is limited to teams.
    /// </summary>
    public sealed record KpiValue(string Id, decimal? Value, decimal? ComparisonValue, decimal? Change, string Unit, string ChangeKind, IReadOnlyList<string> IgnoredFilters, bool NotForTeamScope);
}
