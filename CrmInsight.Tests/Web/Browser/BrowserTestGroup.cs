namespace CrmInsight.Tests.Web.Browser;

/// <summary>
/// The browser test classes run one after another: each starts its own server and Chromium, and
/// two at once on a 2-core machine made a cold page miss its 5 s expectation (seen in a full run).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
