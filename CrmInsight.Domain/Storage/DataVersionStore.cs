using System.Data.Common;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Storage;

/// <summary>
/// The data-version row: every write bumps it once, in the writer's transaction, and records
/// which data areas it touched and in which months (or, for a write of few days, which days). Cached results are keyed by the version at
/// which the areas (and dates) they read last changed.
/// </summary>
public sealed class DataVersionStore(QueryRunner runner, TimeProvider time)
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken = default) =>
        (await ReadSnapshotAsync(cancellationToken)).Version;

    public async Task<DataVersionSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var rows = await runner.QueryRowsAsync("system/data_version", SqlArgs.Empty, cancellationToken);
        var changes = await runner.QueryRowsAsync("system/data_changes", SqlArgs.Empty, cancellationToken);
        var dates = await runner.QueryRowsAsync("system/data_change_dates", SqlArgs.Empty, cancellationToken);
        IReadOnlyDictionary<string, IReadOnlyList<(DateOnly, long)>> ByArea(bool days) => dates
            .Where(r => r.GetInt64("is_day") == (days ? 1 : 0))
            .GroupBy(r => r.GetString("area") ?? "", StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<(DateOnly, long)>)[.. g.Select(r => (r.GetDate("starts_on")!.Value, r.GetInt64("version")))],
                StringComparer.Ordinal);
        return new DataVersionSnapshot(
            rows.Count == 0 ? 0 : rows[0].GetInt64("version"),
            changes.ToDictionary(r => r.GetString("area") ?? "", r => r.GetInt64("version"), StringComparer.Ordinal),
            time.GetUtcNow())
        {
            AreaMonths = ByArea(days: false),
            AreaDays = ByArea(days: true),
        };
    }

    /// <summary>Bumps the version for a write that touched every area (an import).</summary>
    public Task BumpAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default) =>
        BumpAsync(connection, transaction, [DataAreas.All], cancellationToken);

    /// <summary>Bumps the version once and records the areas (tables) the write touched, at any date.</summary>
    public Task BumpAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> areas, CancellationToken cancellationToken = default) =>
        BumpAsync(connection, transaction, [.. areas.Distinct(StringComparer.Ordinal).Select(DataChange.Undated)], cancellationToken);

    /// <summary>Bumps the version once and records each area the write touched and the months it touched there.</summary>
    public async Task BumpAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<DataChange> changes, CancellationToken cancellationToken = default)
    {
        await runner.ExecuteAsync(
            "system/bump_data_version",
            SqlArgs.Empty.With("updated_at", time.GetUtcNow().UtcDateTime),
            connection,
            transaction,
            cancellationToken);
        foreach (var change in changes.GroupBy(c => c.Area, StringComparer.Ordinal))
        {
            var args = SqlArgs.Empty.With("area", change.Key);
            await runner.ExecuteAsync("system/clear_area_change", args, connection, transaction, cancellationToken);
            await runner.ExecuteAsync("system/record_area_change", args, connection, transaction, cancellationToken);
            // Any undated part makes the whole area's change undated; a change that named its
            // days in every part is recorded by day (and leaves no month row), else by month.
            var undated = change.Any(c => c.Months.Count == 0);
            if (!undated && change.All(c => c.Days.Count > 0))
            {
                foreach (var day in change.SelectMany(c => c.Days).Distinct())
                {
                    var dayArgs = args.With("day", day);
                    await runner.ExecuteAsync("system/clear_area_day", dayArgs, connection, transaction, cancellationToken);
                    await runner.ExecuteAsync("system/record_area_day", dayArgs, connection, transaction, cancellationToken);
                }
                continue;
            }
            IEnumerable<DateOnly> months = undated
                ? [DataChange.EveryMonth]
                : change.SelectMany(c => c.Months).Distinct();
            foreach (var month in months)
            {
                var monthArgs = args.With("month_start", month);
                await runner.ExecuteAsync("system/clear_area_month", monthArgs, connection, transaction, cancellationToken);
                await runner.ExecuteAsync("system/record_area_month", monthArgs, connection, transaction, cancellationToken);
            }
        }
    }
}
