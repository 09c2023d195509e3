namespace CrmInsight.Domain.Targets;

/// <summary>The names of the opportunity stages (dim_stage codes): resource keys <c>stage.&lt;code&gt;</c>.</summary>
public static class OpportunityStages
{
    public static IReadOnlyDictionary<string, LocalizedText> Labels { get; } = new Dictionary<string, LocalizedText>(StringComparer.OrdinalIgnoreCase)
    {
        ["prospecting"] = new("stage.prospecting"),
        ["qualification"] = new("stage.qualification"),
        ["proposal"] = new("stage.proposal"),
        ["negotiation"] = new("stage.negotiation"),
        ["won"] = new("stage.won"),
        ["lost"] = new("stage.lost"),
    };

    /// <summary>A stage's name; an unknown code is shown as it is.</summary>
    public static LocalizedText Label(string stage) => Labels.TryGetValue(stage, out var label) ? label : new(stage);
}
