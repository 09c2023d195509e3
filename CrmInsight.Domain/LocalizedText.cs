namespace CrmInsight.Domain;

/// <summary>
/// A text the product shows, named by its key in the Web project's resources
/// (CrmInsight.Web/Resources/SharedResource.resx for en-US, SharedResource.zh-CN.resx for zh-CN),
/// with the values its placeholders ({0}, {1}, ...) stand for; a value that is itself a
/// LocalizedText is shown in the same language. The Domain names texts and never holds them, so
/// every text lives once, in those files, and a new language is a resource file. A key the
/// resources lack is shown as it is (an unknown code).
/// </summary>
public sealed record LocalizedText(string Key)
{
    public LocalizedText(string key, params object?[] args)
        : this(key) => Args = args;

    public IReadOnlyList<object?> Args { get; init; } = [];

    public bool Equals(LocalizedText? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <summary>The key and its values (for logs; what users read comes from the resources).</summary>
    public override string ToString() => Args.Count == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}
