namespace CrmInsight.Domain.Targets;

/// <summary>The names of the opportunity stages (dim_stage codes) in both languages.</summary>
public static class OpportunityStages
{
    public static IReadOnlyDictionary<string, LocalizedText> Labels { get; } = new Dictionary<string, LocalizedText>(StringComparer.OrdinalIgnoreCase)
    {
        ["prospecting"] = new("Prospecting", "初步接触"),
        ["qualification"] = new("Qualification", "需求确认"),
        ["proposal"] = new("Proposal", "方案报价"),
        ["negotiation"] = new("Negotiation", "谈判"),
        ["won"] = new("Won", "赢单"),
        ["lost"] = new("Lost", "输单"),
    };

    /// <summary>A stage's name; an unknown code is shown as it is.</summary>
    public static LocalizedText Label(string stage) => Labels.TryGetValue(stage, out var label) ? label : new(stage, stage);
}
