using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Components.Scorecards;
using CrmInsight.Web.Security;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Api;

/// <summary>
/// <c>/export/scorecard.{csv|xlsx}?{filters}&amp;scorecard=ID</c>: the Scorecard page as a file —
/// the overall score, each perspective and each KPI with the inputs of its score — through the
/// same writers and the same filter header as the table exports.
/// </summary>
public static class ScorecardExport
{
    public const string Name = "scorecard";

    private static readonly (string Field, LocalizedText Header, ColumnKind Kind)[] Columns =
    [
        ("level", new("Level", "层级"), ColumnKind.Text),
        ("perspective", new("Perspective", "维度"), ColumnKind.Text),
        ("kpi", new("KPI", "指标"), ColumnKind.Text),
        ("actual", new("Actual", "实际值"), ColumnKind.Number),
        ("target", new("Target", "目标值"), ColumnKind.Number),
        ("standard", new("Standard", "评价标准"), ColumnKind.Text),
        ("score", new("Score", "得分"), ColumnKind.Number),
        ("rating", new("Grade or status", "等级或状态"), ColumnKind.Text),
        ("weight", new("Weight", "权重"), ColumnKind.Fraction),
        ("applied_weight", new("Weight applied", "实际权重"), ColumnKind.Fraction),
        ("note", new("Note", "说明"), ColumnKind.Text),
    ];

    public static async Task<IResult> ExportAsync(
        ExportFormat format, HttpContext context, PeriodResolver periods, TimeProvider time, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var request = context.Request;
        var scope = PrincipalScope.For(context.User);
        var errors = new RequestErrors();
        errors.RejectUnknown(request.Query, [ScorecardApi.ScorecardParameter]);
        var catalog = await services.GetRequiredService<DimensionService>().GetCatalogAsync(scope, cancellationToken);
        var filter = errors.ParseFilter(request.Query, catalog);
        int? id = null;
        if (request.Query[ScorecardApi.ScorecardParameter].LastOrDefault() is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && await services.GetRequiredService<ScorecardStore>().GetAsync(parsed, cancellationToken) is not null)
            {
                id = parsed;
            }
            else
            {
                errors.Add(ScorecardApi.ScorecardParameter, $"There is no scorecard '{text}'.");
            }
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var report = (await services.GetRequiredService<ScorecardService>().GetAsync(filter, scope, id, cancellationToken: cancellationToken))!;
        var culture = CultureInfo.CurrentUICulture;
        var header = new ExportHeader(
            $"CrmInsight · {localizer["Scorecard"]}: {report.Scorecard.Name}",
            [
                .. ExportEndpoints.FilterContext(filter, catalog, periods, localizer),
                (localizer["Exported at"], time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ]);
        var columns = Columns.Select(c => (c.Field, c.Header.For(culture), c.Kind)).ToList();
        return await ExportEndpoints.FileAsync(format, header, columns, Rows(report, localizer, culture).ToAsyncEnumerable(),
            $"{Name}-{time.GetLocalNow():yyyy-MM-dd}.{format.Extension()}", cancellationToken);
    }

    private static IEnumerable<SqlRow> Rows(ScorecardReport report, IStringLocalizer localizer, CultureInfo culture)
    {
        yield return Row(localizer["Overall"], "", "", null, null, "", report.Score, Grade(report.Grade, localizer), 1m, null, "");
        foreach (var perspective in report.Perspectives)
        {
            var name = perspective.Perspective.Name().For(culture);
            yield return Row(localizer["Perspective"], name, "", null, null, "", perspective.Score, Grade(perspective.Grade, localizer),
                perspective.Weight, perspective.AppliedWeight, perspective.KpiWeights.UsesFallback ? localizer["Equal weights: the comparisons are inconsistent"] : "");
            foreach (var kpi in perspective.Kpis)
            {
                yield return Row(localizer["KPI"], name, kpi.Definition?.Name.For(culture) ?? kpi.Kpi.KpiId, kpi.Actual, kpi.Target,
                    localizer.Label(kpi.Kpi.Standard), kpi.Score, kpi.Status is { } s ? localizer.Label(s) : "",
                    kpi.Weight, kpi.AppliedWeight, kpi.Note is { } n ? localizer.Label(n) : "");
            }
        }
    }

    private static string Grade(ScoreGrade? grade, IStringLocalizer localizer) => grade is { } g ? localizer.Label(g) : "";

    private static SqlRow Row(
        string level, string perspective, string kpi, decimal? actual, decimal? target, string standard, decimal? score, string rating,
        decimal weight, decimal? applied, string note) => new(new Dictionary<string, object?>
    {
        ["level"] = level,
        ["perspective"] = perspective,
        ["kpi"] = kpi,
        ["actual"] = actual,
        ["target"] = target,
        ["standard"] = standard,
        ["score"] = score is { } s ? Math.Round(s, 1) : null,
        ["rating"] = rating,
        ["weight"] = weight,
        ["applied_weight"] = applied,
        ["note"] = note,
    });
}
