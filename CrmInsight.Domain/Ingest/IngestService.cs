using System.Data.Common;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Ingest;

/// <summary>
/// The write path of the ingest API and the demo simulator. A request is validated whole
/// first; any bad record refuses it (every problem listed) and nothing is written. A valid
/// request is written in one transaction — earlier copies of the same source ids deleted,
/// the records inserted, the order pre-aggregates refreshed for the customers it touched, the
/// data version bumped once for the areas (and months) it touched. A writer limited to teams
/// (an ingest key with --teams) writes and replaces only records of those teams.
/// </summary>
public sealed partial class IngestService(ICrmDatabase database, QueryRunner runner, DataVersionStore versions, PreAggregates aggregates, WriteGate gate, TimeProvider time)
{
    public const int CodeBatch = 500;

    public static IReadOnlyCollection<string> FieldsOf(IngestKind kind) => kind switch
    {
        IngestKind.Orders => OrderFields,
        IngestKind.Tickets => TicketFields,
        IngestKind.Surveys => SurveyFields,
        IngestKind.Touches => TouchFields,
        IngestKind.Opportunities => OpportunityFields,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <exception cref="IngestRejectedException">Any record is invalid; nothing was written.</exception>
    public async Task<IngestResult> IngestAsync(IngestKind kind, IReadOnlyList<IngestRecord> records, CancellationToken cancellationToken = default) =>
        (await IngestAsync([(kind, records)], DataScope.All, cancellationToken))[0];

    /// <param name="scope">The teams the writer may write for (see docs/KPIS.md, Ownership).</param>
    /// <exception cref="IngestRejectedException">Any record is invalid or outside <paramref name="scope"/>; nothing was written.</exception>
    public async Task<IngestResult> IngestAsync(IngestKind kind, IReadOnlyList<IngestRecord> records, DataScope scope, CancellationToken cancellationToken = default) =>
        (await IngestAsync([(kind, records)], scope, cancellationToken))[0];

    /// <summary>
    /// Several kinds in one transaction and one version bump (the simulator's step: orders,
    /// tickets, surveys and responses of the same second become one change on the screens).
    /// </summary>
    /// <exception cref="IngestRejectedException">Any record of any part is invalid; nothing was written.</exception>
    public Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<(IngestKind Kind, IReadOnlyList<IngestRecord> Records)> parts, CancellationToken cancellationToken = default) =>
        IngestAsync(parts, DataScope.All, cancellationToken);

    private async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<(IngestKind Kind, IReadOnlyList<IngestRecord> Records)> parts, DataScope scope, CancellationToken cancellationToken)
    {
        if (parts.Count == 0 || parts.All(p => p.Records.Count == 0))
        {
            throw new IngestRejectedException([new IngestProblem(0, null, "The request holds no records.")]);
        }
        using var _ = await gate.EnterAsync(cancellationToken);
        database.EnsureRoomToWrite();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changes = new List<DataChange>();
        var written = new List<(IngestKind Kind, int Records, int Replaced, int Customers)>();
        foreach (var (kind, records) in parts.Where(p => p.Records.Count > 0))
        {
            // Each part sees what the parts before it wrote (a new customer's ticket in the same step).
            var context = await LoadContextAsync(kind, records, scope, connection, transaction, cancellationToken);
            var problems = new List<IngestProblem>();
            var batch = new IngestBatch();
            var readers = records.Select(r => new RecordReader(r, FieldsOf(kind), problems)).ToList();
            var areas = kind switch
            {
                IngestKind.Orders => PrepareOrders(readers, context, batch),
                IngestKind.Tickets => PrepareTickets(readers, context, batch),
                IngestKind.Surveys => PrepareSurveys(readers, context, batch),
                IngestKind.Touches => PrepareTouches(readers, context, batch),
                IngestKind.Opportunities => PrepareOpportunities(readers, context, batch),
                _ => throw new ArgumentOutOfRangeException(nameof(parts)),
            };
            if (problems.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new IngestRejectedException([.. problems.OrderBy(p => p.Record)], context.OutsideScope);
            }
            var foreign = await ForeignRecordsAsync(kind, batch, scope, connection, transaction, cancellationToken);
            if (foreign.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new IngestRejectedException(foreign, outsideScope: true);
            }
            var replaced = 0;
            var (deleteQuery, insertQuery) = Statements(kind);
            var customerChanges = new CustomerChanges();
            foreach (var delete in batch.Deletes)
            {
                if (kind == IngestKind.Orders)
                {
                    // The orders about to be replaced leave the pre-aggregates too.
                    foreach (var old in await runner.QueryRowsAsync("ingest/orders_by_code", delete, connection, transaction, cancellationToken))
                    {
                        customerChanges.Add(old["customer_id"] is null ? null : old.GetInt64("customer_id"), old.GetDate("order_date")!.Value);
                    }
                }
                else if (kind == IngestKind.Surveys)
                {
                    // So do the surveys (agg_survey_day: their days are summed again).
                    foreach (var old in await runner.QueryRowsAsync("ingest/surveys_by_code", delete, connection, transaction, cancellationToken))
                    {
                        customerChanges.Add(old["customer_id"] is null ? null : old.GetInt64("customer_id"), old.GetDate("survey_date")!.Value);
                    }
                }
                else if (kind == IngestKind.Tickets)
                {
                    // So do the tickets (agg_ticket_repeat, agg_ticket_day): the later tickets they made repeats change with them.
                    foreach (var old in await runner.QueryRowsAsync("ingest/tickets_by_code", delete, connection, transaction, cancellationToken))
                    {
                        customerChanges.Add(old["customer_id"] is null ? null : old.GetInt64("customer_id"), old.GetDate("submitted_at")!.Value);
                    }
                }
                replaced += await runner.ExecuteAsync(deleteQuery, delete, connection, transaction, cancellationToken);
            }
            foreach (var customer in batch.NewCustomers)
            {
                await runner.ExecuteAsync("ingest/insert_customer", customer, connection, transaction, cancellationToken);
            }
            foreach (var row in batch.Rows)
            {
                await runner.ExecuteAsync(insertQuery, row, connection, transaction, cancellationToken);
            }
            if (kind == IngestKind.Orders)
            {
                foreach (var row in batch.Rows)
                {
                    customerChanges.Add(row.TryGet("customer_id", out var customer) && customer is long id ? id : null, (DateOnly)row.Value("order_date")!);
                }
                await aggregates.RefreshOrdersAsync(customerChanges, connection, transaction, cancellationToken);
                changes.Add(DataChange.InMonths(DataAreas.Orders, customerChanges.Days));
            }
            else
            {
                if (kind == IngestKind.Tickets)
                {
                    foreach (var row in batch.Rows)
                    {
                        customerChanges.Add(row.TryGet("customer_id", out var customer) && customer is long id ? id : null, DateOnly.FromDateTime((DateTime)row.Value("submitted_at")!));
                    }
                    await aggregates.RefreshTicketsAsync(customerChanges, connection, transaction, cancellationToken);
                }
                else if (kind == IngestKind.Surveys)
                {
                    foreach (var row in batch.Rows)
                    {
                        customerChanges.Add(row.TryGet("customer_id", out var customer) && customer is long id ? id : null, (DateOnly)row.Value("survey_date")!);
                    }
                    await aggregates.RefreshSurveysAsync(customerChanges, connection, transaction, cancellationToken);
                }
                else if (kind == IngestKind.Touches)
                {
                    // A touch is replaced by one with the same customer and sent date: the new rows name every date touched.
                    foreach (var row in batch.Rows)
                    {
                        customerChanges.Add((long)row.Value("customer_id")!, (DateOnly)row.Value("sent_date")!);
                    }
                    await aggregates.RefreshTouchesAsync(customerChanges, connection, transaction, cancellationToken);
                }
                changes.AddRange(areas.Select(area => DatedChange(kind, area, batch, replaced)));
            }
            if (batch.NewCustomers.Count > 0)
            {
                changes.Add(DataChange.Undated(DataAreas.Customers));
            }
            written.Add((kind, records.Count, replaced, batch.NewCustomers.Count));
        }
        await versions.BumpAsync(connection, transaction, changes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var version = await versions.ReadAsync(cancellationToken);
        return [.. written.Select(w => new IngestResult(w.Kind, w.Records, w.Replaced, w.Customers, version))];
    }

    /// <summary>
    /// The months a write of tickets, surveys, touches or opportunities touched: those its rows
    /// are dated in (the dates the queries read them by). Replaced tickets, surveys and
    /// opportunities may have been dated elsewhere, so a write that replaced any is undated;
    /// a touch is identified by its send date, so a replaced one is in the same month.
    /// </summary>
    private static DataChange DatedChange(IngestKind kind, string area, IngestBatch batch, int replaced)
    {
        if (replaced > 0 && kind != IngestKind.Touches)
        {
            return DataChange.Undated(area);
        }
        IEnumerable<DateOnly> DatesOf(string field) => batch.Rows
            .Select(r => r.Value(field))
            .Select(v => v switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), _ => (DateOnly?)null })
            .OfType<DateOnly>();
        return kind switch
        {
            IngestKind.Tickets => DataChange.InMonths(area, DatesOf("submitted_at")),
            IngestKind.Surveys => DataChange.InMonths(area, DatesOf("survey_date")),
            IngestKind.Touches => DataChange.InMonths(area, DatesOf("sent_date")),
            IngestKind.Opportunities => DataChange.InMonths(area, DatesOf("created_date").Concat(DatesOf("closed_date"))),
            _ => DataChange.Undated(area),
        };
    }

    private static (string Delete, string Insert) Statements(IngestKind kind) => kind switch
    {
        IngestKind.Orders => ("ingest/delete_orders", "ingest/insert_order"),
        IngestKind.Tickets => ("ingest/delete_tickets", "ingest/insert_ticket"),
        IngestKind.Surveys => ("ingest/delete_surveys", "ingest/insert_survey"),
        IngestKind.Touches => ("ingest/delete_touch", "ingest/insert_touch"),
        IngestKind.Opportunities => ("ingest/delete_opportunities", "ingest/insert_opportunity"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Stored records the request would replace that belong to a team outside <paramref name="scope"/>.</summary>
    private async Task<IReadOnlyList<IngestProblem>> ForeignRecordsAsync(IngestKind kind, IngestBatch batch, DataScope scope, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (scope.IsAll || kind == IngestKind.Touches)
        {
            return []; // a touch is identified by its customer, whose team was checked record by record
        }
        var problems = new List<IngestProblem>();
        foreach (var delete in batch.Deletes)
        {
            var rows = await runner.QueryRowsAsync("ingest/owners", delete.With("kind", kind.UrlName()), connection, transaction, cancellationToken);
            problems.AddRange(rows
                .Where(r => NullableInt(r, "team_id") is not { } team || !scope.Includes(team))
                .Select(r => new IngestProblem(0, "id", $"'{r.GetString("code")}' is already stored for a team this key may not write; it was not replaced.")));
        }
        return problems;
    }

    private async Task<IngestContext> LoadContextAsync(IngestKind kind, IReadOnlyList<IngestRecord> records, DataScope scope, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var lookups = new IngestLookups(await runner.QueryRowsAsync("ingest/lookups", SqlArgs.Empty, connection, transaction, cancellationToken));
        // Enough new ids for every record of the part (fewer may be used: a gap, never a clash).
        var n = records.Count;
        var ids = (await runner.QueryRowsAsync("ingest/reserve_ids", SqlArgs.Empty
            .With("orders", kind == IngestKind.Orders ? n : 0)
            .With("customers", kind == IngestKind.Orders ? n : 0)
            .With("tickets", kind == IngestKind.Tickets ? n : 0)
            .With("surveys", kind == IngestKind.Surveys ? n : 0)
            .With("opportunities", kind == IngestKind.Opportunities ? n : 0), connection, transaction, cancellationToken))[0];
        var codes = records
            .Select(r => r.Fields.GetValueOrDefault("customer")?.Trim())
            .Where(c => !string.IsNullOrEmpty(c))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var customers = new Dictionary<string, CustomerRef>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(CodeBatch))
        {
            foreach (var row in await runner.QueryRowsAsync("ingest/customers_by_code", SqlArgs.Empty.With("codes", chunk), connection, transaction, cancellationToken))
            {
                customers[row.GetString("customer_code")!] = new CustomerRef(row.GetInt64("customer_id"), NullableInt(row, "region_id"), NullableInt(row, "segment_id"), NullableInt(row, "owner_rep_id"));
            }
        }
        return new IngestContext(kind, lookups, customers, ids, time.GetUtcNow(), scope);
    }

    internal static int? NullableInt(SqlRow row, string column) => row[column] is null ? null : (int)row.GetInt64(column);

    /// <summary>Source ids seen so far in the request: a second record with the same id is an error, not a silent overwrite.</summary>
    private static bool FirstTime(RecordReader reader, string? code, Dictionary<string, int> seen, string field = "id")
    {
        if (code is null)
        {
            return false;
        }
        if (seen.TryGetValue(code, out var first))
        {
            reader.Problem(field, $"'{code}' also appears in record {first}; a request may hold each id once.");
            return false;
        }
        seen[code] = reader.Number;
        return true;
    }
}

/// <param name="reserved">The first id of each block reserved from the sequences (ingest/reserve_ids).</param>
internal sealed class IngestContext(IngestKind kind, IngestLookups lookups, Dictionary<string, CustomerRef> customers, SqlRow reserved, DateTimeOffset now, DataScope scope)
{
    private long _order = reserved.GetInt64("order_id") - 1;
    private long _customer = reserved.GetInt64("customer_id") - 1;
    private long _ticket = reserved.GetInt64("ticket_id") - 1;
    private long _survey = reserved.GetInt64("survey_id") - 1;
    private long _opportunity = reserved.GetInt64("opportunity_id") - 1;

    public IngestKind Kind => kind;

    public IngestLookups Lookups => lookups;

    public Dictionary<string, CustomerRef> Customers => customers;

    public DateTimeOffset Now => now;

    /// <summary>Some record was refused for being outside the writer's teams.</summary>
    public bool OutsideScope { get; private set; }

    /// <summary>
    /// Refuses the record unless the team it belongs to (an order's or opportunity's rep's team,
    /// an event's customer's owner's team) is one the writer may write for. No team at all is
    /// outside every limited scope.
    /// </summary>
    /// <param name="resolved">The rep or customer the field names was found (an unknown one is refused by its lookup already).</param>
    public void RequireInScope(RecordReader reader, bool resolved, int? team, string field)
    {
        if (scope.IsAll || (team is { } t && scope.Includes(t)) || (!resolved && reader.HasAny(field)))
        {
            return;
        }
        OutsideScope = true;
        reader.Problem(field, team is null
            ? $"This key writes only for teams {scope.Teams}: the record must name a {(field == "rep" ? "rep" : "customer owned by a rep")} of them."
            : $"Belongs to team {team}; this key writes only for teams {scope.Teams}.");
    }

    /// <summary>The team of a customer's account owner.</summary>
    public int? TeamOfCustomer(CustomerRef? customer) => customer?.OwnerRepId is { } rep ? lookups.TeamOfRep(rep) : null;

    public long NextOrderId() => ++_order;

    public long NextCustomerId() => ++_customer;

    public long NextTicketId() => ++_ticket;

    public long NextSurveyId() => ++_survey;

    public long NextOpportunityId() => ++_opportunity;

    /// <summary>A customer the record names that must already exist (tickets, surveys, touches, opportunities).</summary>
    public CustomerRef? ExistingCustomer(RecordReader reader, bool required)
    {
        var code = reader.Text("customer", required);
        if (code is null)
        {
            return null;
        }
        if (customers.TryGetValue(code, out var customer))
        {
            return customer;
        }
        reader.Problem("customer", $"Unknown customer '{code}': send an order of theirs first, or import customers.");
        return null;
    }
}
