using CrmInsight.Domain.Security;
using CrmInsight.Web.Cli;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A small demo database file (2 000 orders, 200 customers) and its keys, made through the
/// command line as an operator would, for the tests that start the app as its own process.
/// </summary>
public static class DemoFile
{
    public static async Task CreateAsync(string path) =>
        Assert.Equal(0, await CommandLine.TryRunAsync(["generate-demo", "--database", path, "--orders", "2000", "--customers", "200"], TextWriter.Null, TextWriter.Null));

    /// <returns>The new key's secret.</returns>
    public static async Task<string> CreateKeyAsync(string path, AccessKeyKind kind)
    {
        using var output = new StringWriter();
        var kindWord = kind switch { AccessKeyKind.Api => "api", AccessKeyKind.Read => "read", _ => "display" };
        Assert.Equal(0, await CommandLine.TryRunAsync(["keys", "create", "--kind", kindWord, "--name", $"test {kindWord}", "--database", path], output, TextWriter.Null));
        return output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(AccessKeyStore.PrefixOf(kind), StringComparison.Ordinal));
    }
}
