using CrmInsight.Domain.Kpis;

namespace CrmInsight.Domain.Scorecards;

/// <summary>The rules a scorecard must meet before it is stored.</summary>
public static class ScorecardValidator
{
    public const int MaxNameLength = 100;

    /// <param name="known">KPI ids the scorecard may hold that the catalog does not (yet): those already stored.</param>
    public static IReadOnlyList<ScorecardProblem> Validate(ScorecardDefinition scorecard, KpiCatalog catalog, IReadOnlySet<string> known)
    {
        var problems = new List<ScorecardProblem>();
        var name = scorecard.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            problems.Add(new("name", new("scorecard.name_length", MaxNameLength)));
        }
        if (scorecard.Kpis.Count == 0)
        {
            problems.Add(new("kpis", new("scorecard.no_kpis")));
        }
        foreach (var duplicate in scorecard.Kpis.GroupBy(k => k.KpiId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new($"kpis.{duplicate.Key}", new("scorecard.duplicate_kpi", duplicate.Key)));
        }
        foreach (var perspective in Perspectives.All.Where(p => scorecard.KpisOf(p).Count > Ahp.MaxSize))
        {
            problems.Add(new($"perspectives.{perspective.Key()}", new("scorecard.perspective_too_large", perspective.Name(), Ahp.MaxSize)));
        }
        foreach (var kpi in scorecard.Kpis)
        {
            problems.AddRange(KpiProblems(kpi, catalog, known));
        }
        foreach (var judgement in scorecard.Judgements)
        {
            var items = scorecard.ItemsOf(judgement.Group);
            if (!items.Contains(judgement.A) || !items.Contains(judgement.B) || judgement.A == judgement.B)
            {
                problems.Add(new($"comparisons.{judgement.Group}", new("scorecard.comparison_group", judgement.A, judgement.B, judgement.Group)));
            }
            else if (!SaatyScale.Contains((double)judgement.Ratio))
            {
                problems.Add(new($"comparisons.{judgement.Group}", new("scorecard.judgement_scale", judgement.A, judgement.B, judgement.Ratio)));
            }
        }
        var weights = scorecard.Perspectives.Select(p => p.DirectWeight).Concat(scorecard.Kpis.Select(k => k.DirectWeight));
        if (weights.Any(w => w is < 0))
        {
            problems.Add(new("weights", new("scorecard.negative_weight")));
        }
        return problems;
    }

    private static IEnumerable<ScorecardProblem> KpiProblems(ScorecardKpi kpi, KpiCatalog catalog, IReadOnlySet<string> known)
    {
        var field = $"kpis.{kpi.KpiId}";
        if (!catalog.TryGet(kpi.KpiId, out var definition))
        {
            if (!known.Contains(kpi.KpiId))
            {
                yield return new(field, new("problem.unknown_kpi", kpi.KpiId));
            }
        }
        else if (definition.Direction == KpiDirection.Neutral)
        {
            yield return new(field, new("scorecard.no_direction", kpi.KpiId));
        }
        if (kpi.Standard != ScorecardStandard.Historical && kpi.Target is not > 0)
        {
            yield return new(field, new("scorecard.target_above_zero", kpi.KpiId));
        }
        if (kpi.AmberFrom < 0 || kpi.GreenFrom < kpi.AmberFrom || kpi.GreenFrom > KpiScore.Cap)
        {
            yield return new(field, new("scorecard.thresholds", kpi.KpiId, KpiScore.Cap));
        }
    }
}
