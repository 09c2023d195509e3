using System.Data.Common;
using System.Diagnostics;
using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Storage;
using Dapper;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace CrmInsight.Domain.Import;

/// <summary>
/// Imports one CSV file of order lines, customers, tickets or surveys: all or nothing, idempotent
/// on the source ids, the order pre-aggregates rebuilt in the same transaction, one
/// data-version bump. Used by the <c>import</c> command, the Import page
/// and the ingest API, always through the process's own database.
/// </summary>
public sealed class ImportService(ICrmDatabase database, DataVersionStore versions, PreAggregates aggregates, TimeProvider time, WriteGate? gate = null) : IDisposable
{
    private const int ProgressEvery = 20_000;

    // One writer at a time — imports, the ingest API and the simulator share the process's
    // gate, and the merge holds it: fact and customer ids come from sequences, but new dimension
    // members (regions, reps, …) are numbered MAX(id) + n (the import is DuckDB-only, one process).
    private readonly WriteGate _gate = gate ?? new WriteGate();
    private readonly bool _ownsGate = gate is null;

    /// <summary>
    /// Reads <paramref name="csv"/> (header line first) as <paramref name="kind"/>, stages the valid lines and,
    /// unless a fatal problem is found, writes them in one transaction. The stream is read once,
    /// front to back, and never held in memory whole. Shared with the ingest API
    /// (<c>POST /api/ingest/order-lines</c>, strict), so both follow the same rules.
    /// </summary>
    /// <returns>The summary; <see cref="ImportSummary.FatalError"/> set means nothing was written.</returns>
    public async Task<ImportSummary> ImportAsync(
        ImportKind kind, Stream csv, ImportSettings settings, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var run = new Run(kind, settings);
        if (settings.Mapping.Kind != kind)
        {
            return run.Fatal($"The mapping is for {settings.Mapping.Kind.CommandName()}, not {kind.CommandName()}.", started);
        }
        if (database is not DuckDbDatabase duck)
        {
            return run.Fatal("Import writes to the embedded DuckDB database only; this build cannot import into SQL Server.", started);
        }

        await using var connection = await duck.OpenDuckDbConnectionAsync(cancellationToken);
        var target = ImportTarget.For(kind);
        var counting = new CountingStream(csv);
        long? totalBytes = settings.TotalBytes ?? (csv.CanSeek ? csv.Length - csv.Position : null);

        // Staging goes into this connection's own temporary table, so other writers go on while a
        // file is read (a 200 MB upload takes a while); the write gate is held for the merge only.
        await connection.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {target.StagingTable} ({target.StagingColumns})");
        try
        {
            if (await StageAsync(run, target, counting, totalBytes, connection, progress, cancellationToken) is { } fatal)
            {
                return run.Fatal(fatal, started);
            }
            if (settings.Strict && run.Rejected > 0)
            {
                return run.Fatal($"{run.Rejected:N0} of {run.LinesRead:N0} lines were rejected and strict mode refuses the whole file; nothing was written.", started);
            }
            if (run.Imported == 0)
            {
                return run.Fatal(run.LinesRead == 0 ? "The file has a header but no data lines; nothing was written." : "No line could be imported; nothing was written.", started);
            }
            progress?.Report(new ImportProgress("writing", run.LinesRead, counting.BytesRead, totalBytes));
            using (await _gate.EnterAsync(cancellationToken))
            {
                database.EnsureRoomToWrite();
                var version = await MergeAsync(run, target, connection, cancellationToken);
                return run.Done(started, version);
            }
        }
        catch (WriteGateTimeoutException busy)
        {
            return run.Fatal(busy.Message, started) with { DatabaseFault = true };
        }
        catch (DiskSpaceException full)
        {
            return run.Fatal(full.Message, started) with { DatabaseFault = true };
        }
        catch (DuckDBException refused) when (!IsFault(refused))
        {
            // The data, not the database: a value the schema cannot hold. Rolled back.
            return run.Fatal("The database refused the import, nothing was written: a value does not fit it (a number too large, a text too long or a key used twice).", started) with
            {
                FatalDetail = refused.Message,
            };
        }
        catch (Exception ex) when (ex is DuckDBException or IOException)
        {
            // A full disk or an I/O error while merging: the transaction is rolled back.
            return run.Fatal("The database could not write the import (for example, the disk is full); nothing was written.", started) with
            {
                FatalDetail = ex.Message,
                DatabaseFault = true,
            };
        }
        finally
        {
            await connection.ExecuteAsync($"DROP TABLE IF EXISTS {target.StagingTable}");
        }
    }

    // The database itself failed (I/O, memory, an internal error) rather than refused a value.
    private static bool IsFault(DuckDBException ex) => ex.ErrorType is DuckDBErrorType.Io or DuckDBErrorType.Fatal or DuckDBErrorType.Internal
        or DuckDBErrorType.OutOfMemory or DuckDBErrorType.Connection or DuckDBErrorType.Interrupt or DuckDBErrorType.Permission;

    public void Dispose()
    {
        if (_ownsGate)
        {
            _gate.Dispose();
        }
    }

    /// <returns>A fatal problem, or null when every line was read (accepted or rejected).</returns>
    private static async Task<string?> StageAsync(
        Run run, ImportTarget target, CountingStream stream, long? totalBytes, DuckDBConnection connection,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // The CSV reader and the Appender are synchronous; run them off the caller's thread
        // (a Blazor circuit or a request) so a 200 MB file does not hold it.
        return await Task.Run(() =>
        {
            using var reader = new CsvRecordReader(stream, run.Settings.Csv);
            string[]? header;
            try
            {
                header = reader.Read();
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                return $"The file could not be read: {ex.Message}";
            }
            if (header is null)
            {
                return "The file is empty: the first line must name the columns.";
            }
            var (resolved, errors) = run.Settings.Mapping.Resolve(header);
            if (resolved is null)
            {
                return string.Join(" ", errors);
            }
            var parser = new ValueParser(run.Settings);
            using var appender = connection.CreateAppender(target.StagingTable);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string[]? record;
                try
                {
                    record = reader.Read();
                }
                catch (Exception ex) when (ex is IOException or FormatException)
                {
                    return $"The file could not be read after line {reader.RecordLine}: {ex.Message}";
                }
                if (record is null)
                {
                    break;
                }
                run.LinesRead++;
                if (run.LinesRead > run.Settings.MaxLines)
                {
                    return $"A request holds at most {run.Settings.MaxLines:N0} lines; send the rest in another request.";
                }
                if (target.Stage(record, reader.RecordLine, resolved, parser, appender) is { } rejection)
                {
                    run.Reject(reader.RecordLine, rejection);
                }
                else
                {
                    run.Imported++;
                }
                if (run.LinesRead % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress("reading", run.LinesRead, stream.BytesRead, totalBytes));
                }
            }
            progress?.Report(new ImportProgress("reading", run.LinesRead, stream.BytesRead, totalBytes));
            return null;
        }, cancellationToken);
    }

    private async Task<long> MergeAsync(Run run, ImportTarget target, DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var args = new Dictionary<string, object?>(target.MergeArguments(run.Settings.Mapping))
        {
            ["now"] = time.GetUtcNow().UtcDateTime,
        };
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var customersBefore = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_customer", transaction: transaction);
            await ImportScripts.RunAsync(target.MergeScript, connection, transaction, args, database.CommandTimeoutSeconds, cancellationToken);
            run.CustomersCreated = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_customer", transaction: transaction) - customersBefore;
            run.RecordsWritten = await connection.ExecuteScalarAsync<long>(RecordsWrittenSql(run.Kind), transaction: transaction);
            if (run.Kind == ImportKind.OrderLines)
            {
                run.ReturnLines = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM import_order_line WHERE is_return", transaction: transaction);
                // A file of orders may touch any customer at any date: rebuilt whole, simpler and
                // as exact as tracking every line, but it costs the full rebuild (~15 s at 10 M
                // orders since the Marketing and cohort tables) whatever the file's size.
                await aggregates.RebuildAsync(connection, transaction, cancellationToken);
            }
            else if (run.Kind == ImportKind.Tickets)
            {
                // Likewise a file of tickets (their aggregates alone: ~0.3 s at 10 M orders) ...
                await aggregates.RebuildTicketsAsync(connection, transaction, cancellationToken);
            }
            else if (run.Kind == ImportKind.Surveys)
            {
                // ... or of surveys.
                await aggregates.RebuildSurveysAsync(connection, transaction, cancellationToken);
            }
            await versions.BumpAsync(connection, transaction, cancellationToken);
            var version = await connection.ExecuteScalarAsync<long>("SELECT version FROM data_version WHERE id = 1", transaction: transaction);
            await transaction.CommitAsync(cancellationToken);
            return version;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }

    private static string RecordsWrittenSql(ImportKind kind) => kind switch
    {
        // Orders: ids with at least one sale line (an id with only returned lines is no order).
        ImportKind.OrderLines => "SELECT COUNT(DISTINCT order_code) FROM import_order_line WHERE NOT is_return",
        ImportKind.Customers => "SELECT COUNT(DISTINCT customer_code) FROM import_customer",
        ImportKind.Tickets => "SELECT COUNT(DISTINCT ticket_code) FROM import_ticket",
        _ => "SELECT COUNT(DISTINCT survey_code) FROM import_survey",
    };

    /// <summary>The counters of one import while it runs.</summary>
    private sealed class Run(ImportKind kind, ImportSettings settings)
    {
        private readonly List<RejectedLine> _listed = [];
        private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);

        public ImportKind Kind => kind;

        public ImportSettings Settings => settings;

        public long LinesRead { get; set; }

        public long Imported { get; set; }

        public long Rejected { get; private set; }

        public long RecordsWritten { get; set; }

        public long ReturnLines { get; set; }

        public long CustomersCreated { get; set; }

        public void Reject(long line, Rejection rejection)
        {
            Rejected++;
            _byReason[rejection.Reason] = _byReason.GetValueOrDefault(rejection.Reason) + 1;
            if (_listed.Count < settings.MaxListedRejections)
            {
                _listed.Add(new RejectedLine(line, rejection.Reason, rejection.Value));
            }
        }

        public ImportSummary Fatal(string message, long started) => Summary(started) with
        {
            FatalError = message,
            Imported = 0,
            RecordsWritten = 0,
            ReturnLines = 0,
            CustomersCreated = 0,
        };

        public ImportSummary Done(long started, long version) => Summary(started) with { DataVersion = version };

        private ImportSummary Summary(long started) => new()
        {
            Kind = kind,
            LinesRead = LinesRead,
            Imported = Imported,
            Rejected = Rejected,
            RejectedLines = [.. _listed],
            RejectedByReason = [.. _byReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)],
            RecordsWritten = RecordsWritten,
            ReturnLines = ReturnLines,
            CustomersCreated = CustomersCreated,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }
}
