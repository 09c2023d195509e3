namespace CrmInsight.Domain.Scorecards;

/// <summary>
/// The weights of one group as they are applied, with how they came about. When the AHP
/// comparisons are inconsistent (CR ≥ 0.10) they are not applied: the items share the weight
/// equally until the comparisons are fixed (<see cref="UsesFallback"/>).
/// </summary>
public sealed record GroupWeights(
    string Group,
    WeightingMode Mode,
    IReadOnlyList<string> Items,
    IReadOnlyList<decimal> Weights,
    AhpResult? Ahp,
    bool UsesFallback)
{
    public decimal WeightOf(string item)
    {
        var index = Items.ToList().IndexOf(item);
        return index < 0 ? 0 : Weights[index];
    }

    /// <summary>The applied weights of a scorecard's group (the perspectives, or a perspective's KPIs).</summary>
    public static GroupWeights For(ScorecardDefinition scorecard, string group)
    {
        var items = scorecard.ItemsOf(group);
        var mode = group == ScorecardDefinition.PerspectivesGroup
            ? scorecard.PerspectiveMode
            : Perspectives.TryParse(group, out var perspective) ? scorecard.Settings(perspective).KpiMode : WeightingMode.Ahp;
        if (items.Count == 0)
        {
            return new GroupWeights(group, mode, items, [], null, false);
        }
        if (mode == WeightingMode.Direct)
        {
            var entered = group == ScorecardDefinition.PerspectivesGroup
                ? items.Select(i => Perspectives.TryParse(i, out var p) ? scorecard.Settings(p).DirectWeight ?? 0 : 0).ToList()
                : items.Select(i => scorecard.Kpis.First(k => k.KpiId == i).DirectWeight ?? 0).ToList();
            var total = entered.Sum(w => Math.Max(0, w));
            return total > 0
                ? new GroupWeights(group, mode, items, [.. entered.Select(w => Math.Max(0, w) / total)], null, false)
                : new GroupWeights(group, mode, items, Equal(items.Count), null, true);
        }
        var ahp = Scorecards.Ahp.Analyse(scorecard.MatrixOf(group));
        return ahp.IsConsistent
            ? new GroupWeights(group, mode, items, [.. ahp.Weights.Select(w => (decimal)w)], ahp, false)
            : new GroupWeights(group, mode, items, Equal(items.Count), ahp, true);
    }

    private static decimal[] Equal(int count) => [.. Enumerable.Repeat(1m / count, count)];
}
