using System.Globalization;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Components.Filters;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Api;

/// <summary>
/// <c>GET /export/{table}.{csv|xlsx}?{filters}&amp;sort=…&amp;desc=1</c>: the whole filtered table,
/// not just a page, in the order the grid shows, streamed from the database, with the filter
/// context written into the file. Bad parameters get a 400 naming them, as in the API.
/// </summary>
public static class ExportEndpoints
{
    public const string SortParameter = "sort";
    public const string DescendingParameter = "desc";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/{file}", ExportAsync).RequireAuthorization(Policies.Exporter).RequireRateLimiting(ExportRateLimit.Policy);
        return endpoints;
    }

    /// <summary>The export URL of a table as a page shows it.</summary>
    public static string Url(TableDefinition table, ExportFormat format, DashboardFilter filter, string sort, bool descending, params (string Key, string Value)[] extra) =>
        $"/export/{table.Name}.{format.Extension()}?" + FilterQueryString.Format(
            FilterQueryString.ToPairs(filter)
                .Append(new(SortParameter, sort))
                .Append(new(DescendingParameter, descending ? "1" : "0"))
                .Concat(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value))));

    private static async Task<IResult> ExportAsync(
        string file, HttpContext context, DatabaseReadiness readiness, DimensionService dimensions, TableService tables, CustomerService customers,
        PeriodResolver periods, TimeProvider time, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (RequestErrors.NotReady(readiness) is { } notReady)
        {
            return notReady;
        }
        var dot = file.LastIndexOf('.');
        var format = dot > 0 ? ExportFormats.FromExtension(file[(dot + 1)..]) : null;
        if (format is not null && string.Equals(file[..dot], ScorecardExport.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await ScorecardExport.ExportAsync(format.Value, context, periods, time, localizer, cancellationToken);
        }
        var table = dot > 0 ? TableCatalog.Find(file[..dot]) : null;
        if (table is null || format is null)
        {
            return Results.NotFound($"There is no export '{file}'. Known: {string.Join(", ", TableCatalog.All.Select(t => t.Name).Append(ScorecardExport.Name).Select(n => n + ".csv / .xlsx"))}.");
        }

        var request = context.Request;
        var scope = PrincipalScope.For(context.User);
        var errors = new RequestErrors();
        errors.RejectUnknown(request.Query, [SortParameter, DescendingParameter, .. TableExtras.Parameters(table)]);
        var sort = request.Query[SortParameter].LastOrDefault();
        if (sort is not null && !table.Sorts(sort))
        {
            errors.Add(SortParameter, $"'{sort}' is not a sortable column of {table.Name}.");
        }
        var descending = request.Query[DescendingParameter].LastOrDefault();
        if (descending is not null and not "0" and not "1")
        {
            errors.Add(DescendingParameter, $"'{descending}' is not 0 or 1.");
        }
        var catalog = await dimensions.GetCatalogAsync(scope, cancellationToken);
        var filter = errors.ParseFilter(request.Query, catalog);
        var extra = TableExtras.Parse(table, request.Query, errors);
        if (!scope.IsAll && extra.TryGet("customer_id", out var customer) && customer is long customerId && !await customers.IsVisibleAsync(customerId, scope, cancellationToken))
        {
            errors.AddOutsideScope(TableExtras.Customer, $"customer {customerId} is outside your data scope (the teams you may see).");
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var culture = CultureInfo.CurrentUICulture;
        var tableRequest = table.All(sort, descending is null ? null : descending == "1");
        var header = Header(table, filter, catalog, periods, tableRequest, time, localizer, culture);
        var columns = table.Columns.Select(c => (c.Field, c.Header.For(culture), c.Kind)).ToList();
        var rows = tables.StreamAsync(table, filter, scope, tableRequest, extra, cancellationToken);
        return await FileAsync(format.Value, header, columns, rows, $"{table.Name}-{time.GetLocalNow():yyyy-MM-dd}.{format.Value.Extension()}", cancellationToken);
    }

    /// <summary>The file of an export: CSV streamed as it is written, XLSX built in a temporary file.</summary>
    internal static async Task<IResult> FileAsync(
        ExportFormat format, ExportHeader header, IReadOnlyList<(string Field, string Header, ColumnKind Kind)> columns,
        IAsyncEnumerable<SqlRow> rows, string fileName, CancellationToken cancellationToken)
    {
        if (format == ExportFormat.Csv)
        {
            return Results.Stream(async output => await CsvTableWriter.WriteAsync(output, header, columns, rows, cancellationToken), format.ContentType(), fileName);
        }
        // The xlsx package needs a seekable stream: build it in a temporary file, not in memory.
        var path = Path.GetTempFileName();
        await using (var temporary = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
        {
            await XlsxTableWriter.WriteAsync(temporary, header, columns, rows, cancellationToken);
        }
        var result = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.File(result, format.ContentType(), fileName);
    }

    /// <summary>The period, comparison and filter members as the first lines of an export.</summary>
    internal static List<(string, string)> FilterContext(DashboardFilter filter, DimensionCatalog catalog, PeriodResolver periods, IStringLocalizer localizer)
    {
        var resolved = periods.Resolve(filter);
        var context = new List<(string, string)>
        {
            (localizer["Period"], DimensionLabels.IsoDates(resolved.Period) + $" ({localizer.Label(filter.Preset)})"),
            (localizer["Compared with"], DimensionLabels.IsoDates(resolved.Comparison) + $" ({localizer.Label(filter.Comparison)})"),
        };
        foreach (var kind in filter.ActiveDimensions)
        {
            context.Add((localizer.Label(kind), string.Join("; ", filter.Members(kind).Select(id => catalog.NameOf(kind, id)))));
        }
        return context;
    }

    private static ExportHeader Header(
        TableDefinition table, DashboardFilter filter, DimensionCatalog catalog, PeriodResolver periods, TableRequest request,
        TimeProvider time, IStringLocalizer localizer, CultureInfo culture)
    {
        var context = FilterContext(filter, catalog, periods, localizer);
        var sortColumn = table.Columns.First(c => c.Field == request.Sort);
        context.Add((localizer["Sorted by"], $"{sortColumn.Header.For(culture)} {(request.Descending ? "↓" : "↑")}"));
        context.Add((localizer["Exported at"], time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        return new ExportHeader($"CrmInsight · {table.Title.For(culture)}", context);
    }
}
