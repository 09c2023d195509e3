namespace CrmInsight.Web;

/// <summary>Anchor type of the shared UI strings (Resources/SharedResource.*.resx). English text is the key.</summary>
public sealed class SharedResource;
