using System.Globalization;
using System.Text.Json;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;

namespace CrmInsight.Web.Api;

/// <summary>
/// <c>GET /api/scorecard?{filters}&amp;scorecard=ID</c>: the Scorecard page's numbers (per KPI, per
/// perspective, overall and the eight-quarter trend) for the same filter parameters as
/// <c>/api/kpis</c>. <c>POST /api/ahp</c> with <c>{"matrix": [[1, 3], [0.333, 1]]}</c>: the AHP
/// weights and consistency of a comparison matrix; one that is not square, not positive or not
/// reciprocal is a 400 naming the cell (0-based, <c>matrix[1][0]</c>).
/// </summary>
public static class ScorecardApi
{
    public const string ScorecardParameter = "scorecard";

    public static IEndpointRouteBuilder MapScorecardApi(this IEndpointRouteBuilder endpoints)
    {
        // The scorecard is data, read like /api/kpis (scope from the caller); AHP is arithmetic on the
        // body alone, open to the same callers.
        endpoints.MapGet("/api/scorecard", GetScorecardAsync).RequireAuthorization(Policies.ApiReader);
        endpoints.MapPost("/api/ahp", AnalyseAsync).RequireAuthorization(Policies.ApiReader);
        return endpoints;
    }

    private static async Task<IResult> GetScorecardAsync(
        HttpRequest request, DatabaseReadiness readiness, ScorecardService scorecards, ScorecardStore store, DimensionService dimensions, CancellationToken cancellationToken)
    {
        if (RequestErrors.NotReady(readiness) is { } notReady)
        {
            return notReady;
        }
        var errors = new RequestErrors();
        errors.RejectUnknown(request.Query, [ScorecardParameter]);
        var id = ParseId(request.Query[ScorecardParameter].LastOrDefault(), errors);
        var scope = PrincipalScope.For(request.HttpContext.User);
        var filter = errors.ParseFilter(request.Query, await dimensions.GetCatalogAsync(scope, cancellationToken));
        if (id is { } wanted && await store.GetAsync(wanted, cancellationToken) is null)
        {
            errors.Add(ScorecardParameter, $"There is no scorecard {wanted}.");
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var report = (await scorecards.GetAsync(filter, scope, id, cancellationToken: cancellationToken))!;
        var trend = await scorecards.GetTrendAsync(filter, scope, id, report.Snapshot, cancellationToken);
        return Results.Ok(ScorecardResponse.Of(report, trend));
    }

    private static async Task<IResult> AnalyseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        double[][]? matrix;
        var errors = new RequestErrors();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            matrix = ReadMatrix(body.RootElement, errors);
        }
        catch (JsonException ex)
        {
            errors.Add("body", $"The body is not JSON: {ex.Message}");
            matrix = null;
        }
        if (matrix is not null)
        {
            foreach (var problem in Ahp.Validate(matrix))
            {
                errors.Add(problem.Cell, problem.Message);
            }
        }
        if (errors.Any || matrix is null)
        {
            return errors.ToResult();
        }
        var result = Ahp.Analyse(matrix);
        return Results.Ok(new AhpResponse(
            result.Weights,
            result.LambdaMax,
            result.ConsistencyIndex,
            result.ConsistencyRatio,
            result.IsConsistent,
            result.MostInconsistent is { } cell ? new CellResponse(cell.Row, cell.Column) : null,
            result.ConsistentValue));
    }

    /// <summary>The "matrix" of the body as numbers, or null with each cell that is not a number named.</summary>
    private static double[][]? ReadMatrix(JsonElement root, RequestErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("matrix", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            errors.Add("matrix", "The body must be {\"matrix\": [[...], ...]}: an array of rows of numbers.");
            return null;
        }
        var matrix = new double[rows.GetArrayLength()][];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"matrix[{i}]", $"Row {i} is not an array of numbers.");
                matrix[i++] = [];
                continue;
            }
            matrix[i] = new double[row.GetArrayLength()];
            var j = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind == JsonValueKind.Number && cell.TryGetDouble(out var value))
                {
                    matrix[i][j] = value;
                }
                else
                {
                    errors.Add($"matrix[{i}][{j}]", $"matrix[{i}][{j}] is not a number.");
                }
                j++;
            }
            i++;
        }
        return errors.Any ? null : matrix;
    }

    private static int? ParseId(string? text, RequestErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        errors.Add(ScorecardParameter, $"'{text}' is not a scorecard id.");
        return null;
    }

    public sealed record AhpResponse(
        IReadOnlyList<double> Weights, double LambdaMax, double Ci, double Cr, bool Consistent, CellResponse? MostInconsistent, double? SuggestedValue);

    public sealed record CellResponse(int Row, int Column);
}
