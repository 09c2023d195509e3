using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Demo;

/// <summary>The demo company generated on first start (<c>Demo</c> configuration section).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>false: a new database starts empty (schema only), ready for imports.</summary>
    public bool Enabled { get; set; } = true;

    public int Customers { get; set; } = 100_000;

    /// <summary>Orders to aim for; the simulation lands within a few per cent.</summary>
    public int Orders { get; set; } = 1_000_000;

    /// <summary>Years of history up to today.</summary>
    public int Years { get; set; } = 3;

    public int Seed { get; set; } = 20_240_101;
}

public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (options.Customers is < 100 or > 50_000_000)
        {
            failures.Add("Demo:Customers must be between 100 and 50000000.");
        }
        if (options.Orders is < 1_000 or > 500_000_000)
        {
            failures.Add("Demo:Orders must be between 1000 and 500000000.");
        }
        if (options.Orders < options.Customers)
        {
            failures.Add("Demo:Orders must be at least Demo:Customers (every customer orders once).");
        }
        if (options.Years is < 1 or > 20)
        {
            failures.Add("Demo:Years must be between 1 and 20.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
