using System.Diagnostics;
using System.Globalization;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Storage;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Cli;

/// <summary>
/// Commands on the dashboard's own executable. Without a command word (no arguments, or only
/// settings such as <c>--simulate</c>, <c>--Storage:DuckDbPath=x</c> or <c>Key=value</c>) the web
/// server starts; a word that is no command is named and the commands listed, so a typo never
/// silently starts the dashboard.
/// </summary>
public static class CommandLine
{
    /// <summary>The command words, as the unknown-command message lists them.</summary>
    public static readonly IReadOnlyList<string> Commands = ["aggregates", "generate-demo", "import", "keys", "users"];

    private const string Usage = """
        Usage: dotnet run --project CrmInsight.Web -- generate-demo [--database PATH] [--orders N] [--customers N] [--years N] [--seed N] [--force]

          Creates a DuckDB database with the demo company. Without --database it creates the
          configured database (Storage:DuckDbPath). --customers defaults to a tenth of --orders.
          --force replaces an existing file.
        """;

    /// <param name="time">The clock the commands read "today" and timestamps from (tests pin it); the system clock by default.</param>
    /// <returns>The exit code when a command ran; null when the server should start.</returns>
    /// <param name="input">Where <c>--password-stdin</c> reads from; the console by default.</param>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TimeProvider? time = null, TextReader? input = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        time ??= TimeProvider.System;
        input ??= Console.In;
        if (args.Length > 0 && args[0] == "import")
        {
            return await ImportCommand.RunAsync(args[1..], output, error, time);
        }
        if (args.Length == 0 || IsSetting(args[0]))
        {
            return null;
        }
        if (!Commands.Contains(args[0]))
        {
            await error.WriteLineAsync(
                $"'{args[0]}' is not a command. The commands are: {string.Join(", ", Commands)}. " +
                "Without a command the dashboard starts (settings are given as --Key=value).");
            return 2;
        }
        try
        {
            return args[0] switch
            {
                "keys" => await KeysCommand.RunAsync(args[1..], output, error, time),
                "users" => await UsersCommand.RunAsync(args[1..], output, error, input, time),
                "aggregates" => await AggregatesCommand.RunAsync(args[1..], output, error),
                _ => await GenerateDemoAsync(args[1..], output, time),
            };
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or DatabaseLockedException or OptionsValidationException)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    // What the host's command-line configuration reads: --key[=value], /key[=value], key=value.
    private static bool IsSetting(string arg) => arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=', StringComparison.Ordinal);

    private static async Task<int> GenerateDemoAsync(string[] args, TextWriter output, TimeProvider time)
    {
        var options = Parse(args);
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddCrmInsightOptions(builder.Configuration);
        using var host = builder.Build();
        var demo = host.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        var orders = options.TryGetValue("orders", out var o) ? Number("orders", o) : demo.Orders;
        var settings = new DemoOptions
        {
            Enabled = true,
            Orders = orders,
            Customers = options.TryGetValue("customers", out var c) ? Number("customers", c) : (options.ContainsKey("orders") ? Math.Max(100, orders / 10) : demo.Customers),
            Years = options.TryGetValue("years", out var y) ? Number("years", y) : demo.Years,
            Seed = options.TryGetValue("seed", out var s) ? Number("seed", s) : demo.Seed,
        };
        var problems = new DemoOptionsValidator().Validate(null, settings);
        if (problems.Failed)
        {
            throw new UsageException(problems.FailureMessage);
        }

        var path = options.TryGetValue("database", out var p)
            ? Path.GetFullPath(p)
            : Path.GetFullPath(Path.IsPathRooted(storage.DuckDbPath) ? storage.DuckDbPath : Path.Combine(builder.Environment.ContentRootPath, storage.DuckDbPath));
        if (File.Exists(path))
        {
            if (!options.ContainsKey("force"))
            {
                throw new UsageException($"{path} already exists; add --force to replace it.");
            }
            File.Delete(path);
            File.Delete(path + ".wal");
        }

        await output.WriteLineAsync($"Creating {path}: {settings.Customers:N0} customers, about {settings.Orders:N0} orders over {settings.Years} years (seed {settings.Seed}).");
        var started = Stopwatch.GetTimestamp();
        var summary = await DuckDbFileCreator.CreateAsync(path, settings, time, line => output.WriteLine(line));
        var elapsed = Stopwatch.GetElapsedTime(started);
        await output.WriteLineAsync(
            $"Done in {elapsed.TotalSeconds:F1} s: {summary!.Orders:N0} orders, {summary.Tickets:N0} tickets, {summary.Surveys:N0} surveys, " +
            $"{summary.Touches:N0} campaign touches, {summary.Opportunities:N0} opportunities, {summary.Activities:N0} activities; " +
            $"file {new FileInfo(path).Length / 1024.0 / 1024.0:F0} MB.");
        return 0;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["database", "orders", "customers", "years", "seed", "force"];
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !known.Contains(args[i][2..]))
            {
                throw new UsageException($"Unknown argument '{args[i]}'.");
            }
            var name = args[i][2..];
            if (name == "force")
            {
                options[name] = "true";
                continue;
            }
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"--{name} needs a value.");
            }
            options[name] = args[++i];
        }
        return options;
    }

    private static int Number(string name, string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a whole number, not '{text}'.");

    private sealed class UsageException(string message) : Exception(message);
}
