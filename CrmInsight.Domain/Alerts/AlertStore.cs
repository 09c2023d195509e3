using System.Globalization;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Alerts;

/// <summary>
/// Alert rules and their history. The team scope is a rule of the data layer here: an editor
/// whose scope is limited (a sales lead) creates rules over their own teams only — a rule they
/// make is always scoped to those teams, naming another team or a filter outside them is
/// refused — and sees and changes only such rules and their history. Who may edit at all is
/// the host's AlertEditor policy.
/// </summary>
public sealed class AlertStore(ICrmDatabase database, QueryRunner runner, KpiCatalog catalog, DimensionService dimensions, TimeProvider time) : IDisposable
{
    public const int MaxNameLength = 100;
    public const int MaxSustain = 100;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The rules <paramref name="viewer"/> may see: all of them, or those within their teams.</summary>
    public async Task<IReadOnlyList<AlertRule>> ListAsync(DataScope viewer, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).Where(r => r.IsWithin(viewer))];

    /// <summary>Every rule (the evaluator's read).</summary>
    public async Task<IReadOnlyList<AlertRule>> AllAsync(CancellationToken cancellationToken = default) =>
        [.. (await runner.QueryRowsAsync("alerts/rules", SqlArgs.Empty, cancellationToken)).Select(ToRule)];

    /// <exception cref="AlertRejectedException">The draft breaks a rule or reaches outside the editor's teams; nothing was written.</exception>
    public async Task<AlertRule> CreateAsync(AlertRuleDraft draft, DataScope editor, string? createdBy, CancellationToken cancellationToken = default)
    {
        var rule = await CheckAsync(draft, editor, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var id = (int)(await runner.QueryRowsAsync("alerts/next_rule_id", SqlArgs.Empty, connection, transaction, cancellationToken))[0].GetInt64("next_id");
            rule = rule with { Id = id, CreatedBy = createdBy, CreatedAt = time.GetUtcNow().UtcDateTime };
            await runner.ExecuteAsync("alerts/insert_rule", Definition(rule)
                .With("created_by", rule.CreatedBy).With("created_at", rule.CreatedAt), connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rule;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <returns>The rule as changed; null when there is no such rule within the editor's teams.</returns>
    /// <exception cref="AlertRejectedException">The draft breaks a rule or reaches outside the editor's teams; nothing was written.</exception>
    public async Task<AlertRule?> UpdateAsync(int id, AlertRuleDraft draft, DataScope editor, CancellationToken cancellationToken = default)
    {
        if ((await ListAsync(editor, cancellationToken)).FirstOrDefault(r => r.Id == id) is not { } existing)
        {
            return null;
        }
        var changed = await CheckAsync(draft, editor, cancellationToken);
        var rule = existing with
        {
            Name = changed.Name, KpiId = changed.KpiId, Comparison = changed.Comparison, Threshold = changed.Threshold,
            Sustain = changed.Sustain, FilterQuery = changed.FilterQuery, ScopeTeams = changed.ScopeTeams, Enabled = changed.Enabled, Breaches = 0,
        };
        await WriteAsync("alerts/update_rule", Definition(rule), cancellationToken);
        return rule;
    }

    /// <returns>false when there is no such rule within the editor's teams.</returns>
    public async Task<bool> DeleteAsync(int id, DataScope editor, CancellationToken cancellationToken = default)
    {
        if ((await ListAsync(editor, cancellationToken)).All(r => r.Id != id))
        {
            return false;
        }
        await WriteAsync("alerts/delete_rule", SqlArgs.Empty.With("rule_id", id), cancellationToken);
        return true;
    }

    /// <summary>The latest firings and clearings <paramref name="viewer"/> may see, newest first.</summary>
    public async Task<IReadOnlyList<AlertEvent>> HistoryAsync(DataScope viewer, int limit = 100, CancellationToken cancellationToken = default)
    {
        // The scope test needs the teams as numbers, so it runs here, on a generous slice of the newest.
        var rows = await runner.QueryRowsAsync("alerts/events", SqlArgs.Empty.With("limit", viewer.IsAll ? limit : limit * 10), cancellationToken);
        return [.. rows.Select(ToEvent).Where(e => viewer.IsAll || (e.ScopeTeams is { } teams && teams.All(t => viewer.Teams!.Contains(t)))).Take(limit)];
    }

    /// <summary>Stores a rule's state after an evaluation and, with <paramref name="kind"/>, the firing or clearing it caused, in one transaction.</summary>
    public async Task<AlertEvent?> RecordAsync(AlertRule evaluated, AlertEventKind? kind, long dataVersion, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await runner.ExecuteAsync("alerts/update_state", SqlArgs.Empty
                .With("rule_id", evaluated.Id).With("breaches", evaluated.Breaches).With("is_firing", evaluated.IsFiring ? 1 : 0)
                .With("last_value", evaluated.LastValue).With("evaluated_version", evaluated.EvaluatedVersion).With("evaluated_at", evaluated.EvaluatedAt),
                connection, transaction, cancellationToken);
            AlertEvent? recorded = null;
            if (kind is { } k)
            {
                var id = (await runner.QueryRowsAsync("alerts/next_event_id", SqlArgs.Empty, connection, transaction, cancellationToken))[0].GetInt64("next_id");
                recorded = new AlertEvent(id, evaluated.Id, evaluated.Name, evaluated.KpiId, evaluated.Comparison, evaluated.ScopeTeams, k,
                    evaluated.LastValue, evaluated.Threshold, dataVersion, evaluated.EvaluatedAt ?? time.GetUtcNow().UtcDateTime);
                await runner.ExecuteAsync("alerts/insert_event", SqlArgs.Empty
                    .With("event_id", recorded.Id).With("rule_id", recorded.RuleId).With("rule_name", recorded.RuleName).With("kpi_id", recorded.KpiId)
                    .With("comparison", ComparisonName(recorded.Comparison)).With("scope_teams", recorded.ScopeTeams?.ToString())
                    .With("kind", k == AlertEventKind.Fired ? "fired" : "cleared").With("kpi_value", recorded.Value)
                    .With("threshold", recorded.Threshold).With("data_version", dataVersion).With("occurred_at", recorded.OccurredAt),
                    connection, transaction, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return recorded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The filter a rule's query string holds (checked when it was saved).</summary>
    public static DashboardFilter FilterOf(AlertRule rule) => FilterQueryString.Parse(Pairs(rule.FilterQuery)).Filter;

    public void Dispose() => _gate.Dispose();

    /// <summary>The draft as a rule, or every reason it cannot be one.</summary>
    private async Task<AlertRule> CheckAsync(AlertRuleDraft draft, DataScope editor, CancellationToken cancellationToken)
    {
        var problems = new List<AlertProblem>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            problems.Add(new("name", new("alert.name_length", MaxNameLength)));
        }
        if (!catalog.TryGet(draft.KpiId ?? "", out var kpi))
        {
            problems.Add(new("kpi", new("problem.unknown_kpi", draft.KpiId)));
        }
        if (draft.Sustain is < 1 or > MaxSustain)
        {
            problems.Add(new("sustain", new("alert.sustain_range", MaxSustain)));
        }
        if (!Enum.IsDefined(draft.Comparison))
        {
            problems.Add(new("comparison", new("alert.comparison")));
        }

        // Members outside the editor's teams are not in their catalog, so a filter naming one is refused as unknown.
        var parsed = (await dimensions.GetCatalogAsync(editor, cancellationToken)).Validate(FilterQueryString.Parse(Pairs(draft.FilterQuery ?? "")));
        foreach (var problem in parsed.Problems)
        {
            problems.Add(new("filter", new("alert.filter_invalid", problem.Message, problem.Parameter, problem.Value), problem.Kind == FilterProblemKind.OutsideScope));
        }

        IdSet? teams = draft.Teams is { Count: > 0 } asked ? IdSet.Of(asked) : null;
        if (editor.IsNothing)
        {
            // Fail closed: an editor who sees no team's rows makes no rule (an empty team list
            // stored would read back as "every team").
            problems.Add(new("teams", new("alert.no_teams"), OutsideScope: true));
        }
        else if (!editor.IsAll)
        {
            foreach (var team in teams?.Where(t => !editor.Teams!.Contains(t)) ?? [])
            {
                problems.Add(new("teams", new("alert.team_outside_scope", team), OutsideScope: true));
            }
            // The rule's scope is the editor's at creation, or narrower: never every team.
            teams ??= editor.Teams;
        }
        else if (teams is not null)
        {
            var known = (await dimensions.GetCatalogAsync(DataScope.All, cancellationToken)).Members(DimensionKind.Team).Select(m => m.Id).ToHashSet();
            foreach (var team in teams.Where(t => !known.Contains(t)))
            {
                problems.Add(new("teams", new("alert.unknown_team", team)));
            }
        }
        if (problems.Count > 0)
        {
            throw new AlertRejectedException(problems);
        }
        return new AlertRule
        {
            Name = name,
            KpiId = kpi!.Id,
            Comparison = draft.Comparison,
            Threshold = draft.Threshold,
            Sustain = draft.Sustain,
            FilterQuery = FilterQueryString.Format(parsed.Filter),
            ScopeTeams = teams,
            Enabled = draft.Enabled,
        };
    }

    private async Task WriteAsync(string statement, SqlArgs args, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await runner.ExecuteAsync(statement, args, connection, null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SqlArgs Definition(AlertRule rule) => SqlArgs.Empty
        .With("rule_id", rule.Id).With("name", rule.Name).With("kpi_id", rule.KpiId)
        .With("comparison", ComparisonName(rule.Comparison)).With("threshold", rule.Threshold).With("sustain", rule.Sustain)
        .With("filter_query", rule.FilterQuery).With("scope_teams", rule.ScopeTeams?.ToString()).With("enabled", rule.Enabled ? 1 : 0);

    private static IEnumerable<KeyValuePair<string, string?>> Pairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair), "")
                : new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        });

    public static string ComparisonName(AlertComparison comparison) => comparison == AlertComparison.Below ? "below" : "above";

    private static IdSet? Teams(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : IdSet.Of(text.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)));

    private static AlertRule ToRule(SqlRow row) => new()
    {
        Id = (int)row.GetInt64("rule_id"),
        Name = row.GetString("name") ?? "",
        KpiId = row.GetString("kpi_id") ?? "",
        Comparison = row.GetString("comparison") == "below" ? AlertComparison.Below : AlertComparison.Above,
        Threshold = row.GetDecimal("threshold") ?? 0,
        Sustain = (int)row.GetInt64("sustain"),
        FilterQuery = row.GetString("filter_query") ?? "",
        ScopeTeams = Teams(row.GetString("scope_teams")),
        Enabled = row.GetInt64("enabled") == 1,
        CreatedBy = row.GetString("created_by"),
        CreatedAt = row["created_at"] as DateTime? ?? default,
        Breaches = (int)row.GetInt64("breaches"),
        IsFiring = row.GetInt64("is_firing") == 1,
        LastValue = row.GetDecimal("last_value"),
        EvaluatedVersion = row.GetDecimal("evaluated_version") is { } v ? (long)v : null,
        EvaluatedAt = row["evaluated_at"] as DateTime?,
    };

    private static AlertEvent ToEvent(SqlRow row) => new(
        row.GetInt64("event_id"),
        (int)row.GetInt64("rule_id"),
        row.GetString("rule_name") ?? "",
        row.GetString("kpi_id") ?? "",
        row.GetString("comparison") == "below" ? AlertComparison.Below : AlertComparison.Above,
        Teams(row.GetString("scope_teams")),
        row.GetString("kind") == "cleared" ? AlertEventKind.Cleared : AlertEventKind.Fired,
        row.GetDecimal("kpi_value"),
        row.GetDecimal("threshold") ?? 0,
        row.GetInt64("data_version"),
        row["occurred_at"] as DateTime? ?? default);
}
