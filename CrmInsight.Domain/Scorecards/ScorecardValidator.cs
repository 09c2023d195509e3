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
            problems.Add(new("name", new($"A scorecard needs a name of 1 to {MaxNameLength} characters.", $"记分卡名称需为 1 到 {MaxNameLength} 个字符。")));
        }
        if (scorecard.Kpis.Count == 0)
        {
            problems.Add(new("kpis", new("A scorecard needs at least one KPI.", "记分卡至少需要一个指标。")));
        }
        foreach (var duplicate in scorecard.Kpis.GroupBy(k => k.KpiId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new($"kpis.{duplicate.Key}", new($"{duplicate.Key} is on the scorecard twice.", $"{duplicate.Key} 在记分卡中出现了两次。")));
        }
        foreach (var perspective in Perspectives.All.Where(p => scorecard.KpisOf(p).Count > Ahp.MaxSize))
        {
            problems.Add(new($"perspectives.{perspective.Key()}", new(
                $"The {perspective.Name().En} perspective holds more than {Ahp.MaxSize} KPIs.", $"{perspective.Name().Zh}维度的指标超过 {Ahp.MaxSize} 个。")));
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
                problems.Add(new($"comparisons.{judgement.Group}", new(
                    $"The comparison {judgement.A} vs {judgement.B} does not belong to {judgement.Group}.", $"比较 {judgement.A} 与 {judgement.B} 不属于 {judgement.Group}。")));
            }
            else if (!SaatyScale.Contains((double)judgement.Ratio))
            {
                problems.Add(new($"comparisons.{judgement.Group}", new(
                    $"{judgement.A} vs {judgement.B} is {judgement.Ratio}; judgements are 1 to 9 or 1/2 to 1/9 (Saaty's scale).",
                    $"{judgement.A} 与 {judgement.B} 的判断值为 {judgement.Ratio}；判断值须为 1–9 或 1/2–1/9（Saaty 标度）。")));
            }
        }
        var weights = scorecard.Perspectives.Select(p => p.DirectWeight).Concat(scorecard.Kpis.Select(k => k.DirectWeight));
        if (weights.Any(w => w is < 0))
        {
            problems.Add(new("weights", new("Weights cannot be negative.", "权重不能为负数。")));
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
                yield return new(field, new($"There is no KPI '{kpi.KpiId}'.", $"没有指标“{kpi.KpiId}”。"));
            }
        }
        else if (definition.Direction == KpiDirection.Neutral)
        {
            yield return new(field, new($"{kpi.KpiId} has no better direction, so it cannot be scored.", $"{kpi.KpiId} 没有优劣方向，无法计分。"));
        }
        if (kpi.Standard != ScorecardStandard.Historical && kpi.Target is not > 0)
        {
            yield return new(field, new($"{kpi.KpiId} needs a target above zero (or the historical standard).", $"{kpi.KpiId} 需要大于零的目标值（或采用历史标准）。"));
        }
        if (kpi.AmberFrom < 0 || kpi.GreenFrom < kpi.AmberFrom || kpi.GreenFrom > KpiScore.Cap)
        {
            yield return new(field, new(
                $"{kpi.KpiId}: the amber threshold must be at least 0 and at most the green one, which is at most {KpiScore.Cap}.",
                $"{kpi.KpiId}：黄色阈值须不小于 0 且不大于绿色阈值，绿色阈值不超过 {KpiScore.Cap}。"));
        }
    }
}
