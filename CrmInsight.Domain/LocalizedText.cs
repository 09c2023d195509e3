namespace CrmInsight.Domain;

/// <summary>
/// A text the product shows, named by its key in the Web project's resources
/// (CrmInsight.Web/Resources/SharedResource.resx for en-US, SharedResource.zh-CN.resx for zh-CN).
/// The Domain names texts and never holds them, so every text lives once, in those files, and a
/// new language is a resource file. A key the resources lack is shown as it is (an unknown code).
/// </summary>
public sealed record LocalizedText(string Key)
{
    public override string ToString() => Key;
}
