namespace CrmInsight.Domain.Queries;

/// <summary>How long a confirmed data version counts as current (the web host sets these from its Live settings).</summary>
public sealed class DataVersionOptions
{
    /// <summary>A version confirmed this recently is served without a read (about two polls in the web host; zero: read on every request).</summary>
    public TimeSpan FreshFor { get; set; } = TimeSpan.Zero;

    /// <summary>Data not confirmed current for this long is stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(15);
}
