using CrmInsight.Domain.Security;
using CrmInsight.Web.Cli;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A small demo database file (2 000 orders, 200 customers) with one key, made through the
/// command line as an operator would, for the tests that start the app as its own process.
/// </summary>
public static class DemoFile
{
    /// <returns>The key's secret.</returns>
    public static async Task<string> CreateWithKeyAsync(string path, AccessKeyKind kind)
    {
        Assert.Equal(0, await CommandLine.TryRunAsync(["generate-demo", "--database", path, "--orders", "2000", "--customers", "200"], TextWriter.Null, TextWriter.Null));
        using var output = new StringWriter();
        var kindWord = kind == AccessKeyKind.Api ? "api" : "display";
        Assert.Equal(0, await CommandLine.TryRunAsync(["keys", "create", "--kind", kindWord, "--name", "test", "--database", path], output, TextWriter.Null));
        return output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(AccessKeyStore.PrefixOf(kind), StringComparison.Ordinal));
    }
}
