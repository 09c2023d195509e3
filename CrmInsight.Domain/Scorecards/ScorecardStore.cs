using System.Data.Common;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Scorecards;

/// <summary>
/// The scorecards in the database. A database without one gets <see cref="DefaultScorecard"/> on
/// first use (new and existing databases alike). The few rows are held in memory, read again
/// after a save here or after <see cref="RefreshAfter"/> (another process may have saved), so
/// colouring every tile costs no query. Saves are all-or-nothing and validated first.
/// Who may save is decided by the host (the ScorecardEditor policy), not here.
/// </summary>
public sealed class ScorecardStore(ICrmDatabase database, QueryRunner runner, KpiCatalog catalog, TimeProvider time) : IKpiStatusRules, IDisposable
{
    private static readonly string[] DeleteChildren = ["scorecard/delete_comparisons", "scorecard/delete_kpis", "scorecard/delete_perspectives"];

    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyList<ScorecardDefinition> All, DateTimeOffset ReadAt)? _cached;

    public async Task<IReadOnlyList<ScorecardDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && time.GetUtcNow() - cached.ReadAt < RefreshAfter)
        {
            return cached.All;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited here while another caller read them takes that read: twenty walls
            // asking at once cost one read, not twenty.
            if (_cached is { } fresh && time.GetUtcNow() - fresh.ReadAt < RefreshAfter)
            {
                return fresh.All;
            }
            return await ReadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The scorecard <paramref name="id"/>, or the default one when null; null when there is no such scorecard.</summary>
    public async Task<ScorecardDefinition?> GetAsync(int? id, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        return id is { } wanted ? all.FirstOrDefault(s => s.Id == wanted) : all.FirstOrDefault(s => s.IsDefault) ?? (all.Count > 0 ? all[0] : null);
    }

    public async ValueTask<IReadOnlyDictionary<string, KpiStatusRule>> GetRulesAsync(CancellationToken cancellationToken = default)
    {
        var scorecard = await GetAsync(null, cancellationToken);
        return scorecard is null
            ? new Dictionary<string, KpiStatusRule>()
            : scorecard.Kpis.Where(k => catalog.TryGet(k.KpiId, out _)).ToDictionary(k => k.KpiId, k => k.Rule, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Stores a new scorecard or replaces one (by <see cref="ScorecardDefinition.Id"/>); its id as stored.</summary>
    /// <exception cref="ScorecardRejectedException">The scorecard breaks a rule of <see cref="ScorecardValidator"/>; nothing was written.</exception>
    public async Task<ScorecardDefinition> SaveAsync(ScorecardDefinition scorecard, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var all = await ReadAsync(cancellationToken);
            var existing = all.FirstOrDefault(s => s.Id == scorecard.Id);
            // KPIs the catalog does not hold yet may stay where they already are (the seeded activities_per_rep).
            var known = all.SelectMany(s => s.Kpis).Concat(DefaultScorecard.Create().Kpis).Select(k => k.KpiId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (ScorecardValidator.Validate(scorecard, catalog, known) is { Count: > 0 } problems)
            {
                throw new ScorecardRejectedException(problems);
            }
            var saved = scorecard with { Name = scorecard.Name.Trim(), UpdatedAt = time.GetUtcNow().UtcDateTime };
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (existing is null)
            {
                var rows = await runner.QueryRowsAsync("scorecard/next_id", SqlArgs.Empty, connection, transaction, cancellationToken);
                saved = saved with { Id = (int)rows[0].GetInt64("next_id"), IsDefault = all.Count == 0 || saved.IsDefault };
                await runner.ExecuteAsync("scorecard/insert", Header(saved).With("is_default", saved.IsDefault ? 1 : 0), connection, transaction, cancellationToken);
            }
            else
            {
                saved = saved with { IsDefault = existing.IsDefault };
                await runner.ExecuteAsync("scorecard/update", Header(saved), connection, transaction, cancellationToken);
            }
            await WriteChildrenAsync(saved, connection, transaction, cancellationToken);
            if (existing is null && saved.IsDefault && all.Count > 0)
            {
                await runner.ExecuteAsync("scorecard/set_default", SqlArgs.Empty.With("scorecard_id", saved.Id), connection, transaction, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            _cached = null;
            return saved;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes <paramref name="id"/> the scorecard tiles are coloured by; false when there is no such scorecard.</summary>
    public Task<bool> SetDefaultAsync(int id, CancellationToken cancellationToken = default) =>
        WriteAsync(id, async (connection, transaction) =>
            await runner.ExecuteAsync("scorecard/set_default", SqlArgs.Empty.With("scorecard_id", id), connection, transaction, cancellationToken), cancellationToken);

    /// <summary>Deletes a scorecard (the default one passes to the lowest id left); false when there is no such scorecard or it is the last one.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        if (all.Count <= 1)
        {
            return false;
        }
        var next = all.First(s => s.Id != id);
        return await WriteAsync(id, async (connection, transaction) =>
        {
            var args = SqlArgs.Empty.With("scorecard_id", id);
            foreach (var statement in DeleteChildren)
            {
                await runner.ExecuteAsync(statement, args, connection, transaction, cancellationToken);
            }
            await runner.ExecuteAsync("scorecard/delete", args, connection, transaction, cancellationToken);
            if (all.First(s => s.Id == id).IsDefault)
            {
                await runner.ExecuteAsync("scorecard/set_default", SqlArgs.Empty.With("scorecard_id", next.Id), connection, transaction, cancellationToken);
            }
        }, cancellationToken);
    }

    private async Task<bool> WriteAsync(int id, Func<DbConnection, DbTransaction, Task> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var all = await ReadAsync(cancellationToken);
            if (all.All(s => s.Id != id))
            {
                return false;
            }
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            _cached = null;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads every scorecard (under the gate), seeding the default one into a database that has none.</summary>
    private async Task<IReadOnlyList<ScorecardDefinition>> ReadAsync(CancellationToken cancellationToken)
    {
        var all = await LoadAsync(cancellationToken);
        if (all.Count == 0)
        {
            var seeded = DefaultScorecard.Create() with { Id = 1, UpdatedAt = time.GetUtcNow().UtcDateTime };
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await runner.ExecuteAsync("scorecard/insert", Header(seeded).With("is_default", 1), connection, transaction, cancellationToken);
            await WriteChildrenAsync(seeded, connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            all = await LoadAsync(cancellationToken);
        }
        _cached = (all, time.GetUtcNow());
        return all;
    }

    private async Task<IReadOnlyList<ScorecardDefinition>> LoadAsync(CancellationToken cancellationToken)
    {
        var headers = await runner.QueryRowsAsync("scorecard/list", SqlArgs.Empty, cancellationToken);
        if (headers.Count == 0)
        {
            return [];
        }
        var perspectives = (await runner.QueryRowsAsync("scorecard/perspectives", SqlArgs.Empty, cancellationToken)).ToLookup(r => r.GetInt64("scorecard_id"));
        var kpis = (await runner.QueryRowsAsync("scorecard/kpis", SqlArgs.Empty, cancellationToken)).ToLookup(r => r.GetInt64("scorecard_id"));
        var comparisons = (await runner.QueryRowsAsync("scorecard/comparisons", SqlArgs.Empty, cancellationToken)).ToLookup(r => r.GetInt64("scorecard_id"));
        return [.. headers.Select(h =>
        {
            var id = h.GetInt64("scorecard_id");
            var stored = perspectives[id].ToDictionary(r => r.GetString("perspective") ?? "", StringComparer.OrdinalIgnoreCase);
            return new ScorecardDefinition
            {
                Id = (int)id,
                Name = h.GetString("name") ?? "",
                IsDefault = h.GetInt64("is_default") == 1,
                PerspectiveMode = Mode(h.GetString("perspective_mode")),
                UpdatedAt = h["updated_at"] is DateTime at ? at : default,
                Perspectives = [.. Perspectives.All.Select(p => stored.TryGetValue(p.Key(), out var row)
                    ? new PerspectiveSettings(p, Mode(row.GetString("kpi_mode")), Plain(row.GetDecimal("direct_weight")))
                    : new PerspectiveSettings(p, WeightingMode.Ahp))],
                Kpis = [.. kpis[id].Select(r => new ScorecardKpi(
                    r.GetString("kpi_id") ?? "",
                    Perspectives.TryParse(r.GetString("perspective"), out var p) ? p : Perspective.Financial,
                    ScorecardStandards.TryParse(r.GetString("standard"), out var s) ? s : ScorecardStandard.Budget,
                    Plain(r.GetDecimal("target")),
                    Plain(r.GetDecimal("amber_from")) ?? DefaultScorecard.AmberFrom,
                    Plain(r.GetDecimal("green_from")) ?? DefaultScorecard.GreenFrom,
                    Plain(r.GetDecimal("direct_weight"))))],
                Judgements = [.. comparisons[id].Select(r => new Judgement(
                    r.GetString("matrix_group") ?? "", r.GetString("item_a") ?? "", r.GetString("item_b") ?? "", Plain(r.GetDecimal("ratio")) ?? 1))],
            };
        })];
    }

    private async Task WriteChildrenAsync(ScorecardDefinition scorecard, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var id = SqlArgs.Empty.With("scorecard_id", scorecard.Id);
        foreach (var statement in DeleteChildren)
        {
            await runner.ExecuteAsync(statement, id, connection, transaction, cancellationToken);
        }
        foreach (var p in scorecard.Perspectives)
        {
            await runner.ExecuteAsync("scorecard/insert_perspective", id
                .With("perspective", p.Perspective.Key()).With("kpi_mode", ModeName(p.KpiMode)).With("direct_weight", p.DirectWeight),
                connection, transaction, cancellationToken);
        }
        var order = 0;
        foreach (var k in scorecard.Kpis)
        {
            await runner.ExecuteAsync("scorecard/insert_kpi", id
                .With("kpi_id", k.KpiId).With("perspective", k.Perspective.Key()).With("sort_order", ++order)
                .With("standard", k.Standard.DbName()).With("target", k.Standard == ScorecardStandard.Historical ? null : k.Target)
                .With("amber_from", k.AmberFrom).With("green_from", k.GreenFrom).With("direct_weight", k.DirectWeight),
                connection, transaction, cancellationToken);
        }
        // Only the judgements of items still on the scorecard, once per pair.
        var pairs = new HashSet<(string, string, string)>();
        foreach (var j in scorecard.Judgements.Where(j => scorecard.ItemsOf(j.Group).Contains(j.A) && scorecard.ItemsOf(j.Group).Contains(j.B)))
        {
            if (pairs.Add((j.Group, j.A, j.B)) && !pairs.Contains((j.Group, j.B, j.A)))
            {
                await runner.ExecuteAsync("scorecard/insert_comparison", id
                    .With("matrix_group", j.Group).With("item_a", j.A).With("item_b", j.B).With("ratio", j.Ratio),
                    connection, transaction, cancellationToken);
            }
        }
    }

    private static SqlArgs Header(ScorecardDefinition scorecard) => SqlArgs.Empty
        .With("scorecard_id", scorecard.Id)
        .With("name", scorecard.Name)
        .With("perspective_mode", ModeName(scorecard.PerspectiveMode))
        .With("updated_at", scorecard.UpdatedAt);

    private static string ModeName(WeightingMode mode) => mode == WeightingMode.Direct ? "direct" : "ahp";

    public void Dispose() => _gate.Dispose();

    /// <summary>A stored DECIMAL(18,6) without its trailing zeros (0.25, not 0.250000), as it was entered.</summary>
    private static decimal? Plain(decimal? value) => value / 1.000000000000000000000000000000000m;

    private static WeightingMode Mode(string? name) =>
        string.Equals(name, "direct", StringComparison.OrdinalIgnoreCase) ? WeightingMode.Direct : WeightingMode.Ahp;
}
