using System.Globalization;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using CrmInsight.Web.Live;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Api;

/// <summary>
/// <c>POST /api/ingest/{orders|tickets|surveys|touches|opportunities}</c> with an
/// <c>X-Api-Key</c> header and a JSON array or CSV body. Strict: one bad record refuses the
/// request with 400 listing every problem; a good one is written in one transaction. The
/// change monitor is told at once, so screens do not wait for its next poll.
/// <c>order-lines</c> takes the import command's CSV and mapping (<c>?map=order=COL,…</c>,
/// optional <c>dateFormat</c> and <c>culture</c>) through the import's own rules, strictly.
/// </summary>
public static class IngestEndpoints
{
    public const string KeyHeader = ApiKeyHandler.Header;
    public const string OrderLinesKind = "order-lines";

    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A key-authenticated API (no browser cookie), so antiforgery does not apply.
        endpoints.MapPost("/api/ingest/{kind}", IngestAsync).DisableAntiforgery().RequireAuthorization(Policies.Ingester);
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(
        string kind,
        HttpRequest request,
        DatabaseReadiness readiness,
        IngestService ingest,
        ImportService imports,
        DataChangeMonitor monitor,
        IOptions<IngestOptions> options,
        IOptions<CsvLimits> csvLimits,
        CancellationToken cancellationToken)
    {
        if (RequestErrors.NotReady(readiness) is { } notReady)
        {
            return notReady;
        }
        var scope = PrincipalScope.For(request.HttpContext.User);
        var isOrderLines = string.Equals(kind, OrderLinesKind, StringComparison.OrdinalIgnoreCase);
        IngestKind ingestKind = default;
        if (!isOrderLines && !IngestKinds.TryParse(kind, out ingestKind))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown kind",
                detail: $"'{kind}' is not something the API ingests; use one of: {string.Join(", ", Enum.GetValues<IngestKind>().Select(k => k.UrlName()).Append(OrderLinesKind))}.");
        }
        // Every kind, order lines included, is held to the same body and record limits.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.Value.MaxBodyBytes;
        }
        if (request.ContentLength > options.Value.MaxBodyBytes)
        {
            return TooLarge(options.Value);
        }
        if (isOrderLines)
        {
            if (!scope.IsAll)
            {
                // The import's rules create reps and customers as lines name them; which team a line
                // belongs to is only known after that, so a key limited to teams sends orders instead.
                return Refused([new IngestProblem(0, null, "A key limited to teams cannot send order lines; send orders (POST /api/ingest/orders), which name their rep.")], StatusCodes.Status403Forbidden);
            }
            try
            {
                return await IngestOrderLinesAsync(request, imports, monitor, options.Value, csvLimits.Value, cancellationToken);
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(options.Value);
            }
        }

        try
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            var records = mediaType switch
            {
                "application/json" => await IngestBodyReader.ReadJsonAsync(request.Body, options.Value.MaxRecords, cancellationToken),
                "text/csv" => await IngestBodyReader.ReadCsvAsync(request.Body, options.Value.MaxRecords, csvLimits.Value, cancellationToken),
                _ => null,
            };
            if (records is null)
            {
                return Refused([new IngestProblem(0, null, "Send the records as application/json (an array of objects) or text/csv (a header line, then one record per line).")], StatusCodes.Status415UnsupportedMediaType);
            }
            var result = await ingest.IngestAsync(ingestKind, records, scope, cancellationToken);
            await monitor.RefreshAsync(cancellationToken);
            return Results.Ok(new
            {
                kind = result.Kind.UrlName(),
                records = result.Records,
                replaced = result.Replaced,
                customersCreated = result.CustomersCreated,
                dataVersion = result.DataVersion,
            });
        }
        catch (IngestRejectedException rejected)
        {
            return Refused(rejected.Problems, rejected.OutsideScope ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }
        catch (WriteGateTimeoutException busy)
        {
            return DatabaseFailed(request.HttpContext, busy.Message, busy.Message);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException && ex is not BadHttpRequestException)
        {
            // A full disk or an I/O error: the transaction was rolled back, so nothing was written.
            return DatabaseFailed(request.HttpContext, ex.ToString(), (ex as DiskSpaceException)?.Message);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options.Value);
        }
    }

    private static async Task<IResult> IngestOrderLinesAsync(
        HttpRequest request, ImportService imports, DataChangeMonitor monitor, IngestOptions limits, CsvLimits csvLimits, CancellationToken cancellationToken)
    {
        var problems = new List<IngestProblem>();
        foreach (var key in request.Query.Keys.Where(k => k is not ("map" or "dateFormat" or "culture")))
        {
            problems.Add(new IngestProblem(0, key, $"'{key}' is not a parameter of order-lines; use map, dateFormat and culture."));
        }
        var (mapping, mappingErrors) = ColumnMapping.Parse(ImportKind.OrderLines, request.Query["map"].ToString());
        problems.AddRange(mappingErrors.Select(e => new IngestProblem(0, "map", e)));
        var culture = CultureInfo.InvariantCulture;
        if (request.Query["culture"].ToString() is { Length: > 0 } cultureName)
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                problems.Add(new IngestProblem(0, "culture", $"'{cultureName}' is not a culture name (e.g. de-DE, zh-CN)."));
            }
        }
        if (request.ContentType?.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            problems.Add(new IngestProblem(0, null, "Order lines are sent as text/csv, with the columns the map names."));
        }
        if (problems.Count > 0 || mapping is null)
        {
            return Refused(problems, problems.Any(p => p.Field is null) ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest);
        }

        var settings = new ImportSettings(mapping)
        {
            Strict = true,
            Culture = culture,
            DateFormat = request.Query["dateFormat"].ToString() is { Length: > 0 } format ? format : null,
            MaxLines = limits.MaxRecords,
            Csv = csvLimits,
        };
        // Read the (bounded) body before the import takes the write gate, so a slow client never
        // holds other writers up, and an over-long body is a 413 before anything is staged.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var summary = await imports.ImportAsync(ImportKind.OrderLines, body, settings, cancellationToken: cancellationToken);
        if (summary.DatabaseFault)
        {
            return DatabaseFailed(request.HttpContext, summary.FatalDetail ?? summary.FatalError, summary.FatalDetail is null ? summary.FatalError : null);
        }
        if (!summary.Succeeded)
        {
            IngestProblem[] lines = [.. summary.RejectedLines.Select(r => new IngestProblem((int)Math.Min(r.Line, int.MaxValue), null, r.Value is null ? r.Reason : $"{r.Reason} ('{r.Value}')"))];
            return Refused(lines.Length > 0 ? lines : [new IngestProblem(0, null, summary.FatalError!)], StatusCodes.Status400BadRequest);
        }
        await monitor.RefreshAsync(cancellationToken);
        return Results.Ok(new
        {
            kind = OrderLinesKind,
            lines = summary.LinesRead,
            imported = summary.Imported,
            orders = summary.RecordsWritten,
            returnLines = summary.ReturnLines,
            customersCreated = summary.CustomersCreated,
            dataVersion = summary.DataVersion,
        });
    }

    /// <summary>503 with Retry-After: the request was fine, the database could not take it; the details go to the log only.</summary>
    private static IResult DatabaseFailed(HttpContext context, string? detail, string? message = null)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestEndpoints))
            .LogError("An ingest request could not be written: {Detail}", detail);
        context.Response.Headers.RetryAfter = "30";
        return Refused([new IngestProblem(0, null, message ?? "The database could not write the records (for example, the disk is full or failing); nothing was written. Send the same request again later.")], StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult TooLarge(IngestOptions options) =>
        Refused([new IngestProblem(0, null, $"The body is larger than {options.MaxBodyBytes:N0} bytes; split it into several requests.")], StatusCodes.Status413PayloadTooLarge);

    private static IResult Refused(IReadOnlyList<IngestProblem> problems, int status) => Results.Json(
        new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            title = "Nothing was written",
            status,
            detail = problems.Count == 1 && problems[0].Record == 0
                ? problems[0].Message
                : $"{problems.Count} problem(s) in {problems.Select(p => p.Record).Distinct().Count()} record(s); fix them and send the whole request again.",
            problems = problems.Take(1000).Select(p => new { record = p.Record, field = p.Field, message = p.Message }),
        },
        statusCode: status,
        contentType: "application/problem+json");
}
