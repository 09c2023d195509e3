using CrmInsight.Web.Cli;

namespace CrmInsight.Tests.Web.Cli;

/// <summary>What the first argument decides: a command, the web server, or "no such command".</summary>
public sealed class CommandWordTests
{
    [Theory]
    [InlineData("usrs", "list")] // a typo of a command
    [InlineData("serve")]
    [InlineData("import-orders", "x.csv")]
    public async Task An_unknown_command_word_is_named_with_the_commands_and_exits_non_zero(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.TryRunAsync(args, output, error);

        Assert.Equal(2, exit); // not null: the web server does not start
        Assert.Contains($"'{args[0]}' is not a command", error.ToString(), StringComparison.Ordinal);
        Assert.All(CommandLine.Commands, c => Assert.Contains(c, error.ToString(), StringComparison.Ordinal));
        Assert.Equal("", output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--simulate")]
    [InlineData("--urls", "http://127.0.0.1:5999")]
    [InlineData("--Storage:DuckDbPath=data/x.duckdb")]
    [InlineData("Storage:DuckDbPath=data/x.duckdb")]
    [InlineData("/Demo:Enabled=false")]
    public async Task Settings_alone_start_the_web_server(params string[] args)
    {
        Assert.Null(await CommandLine.TryRunAsync(args, TextWriter.Null, TextWriter.Null));
    }
}
