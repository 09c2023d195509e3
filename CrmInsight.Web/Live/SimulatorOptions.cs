using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>The demo's live event stream (<c>Simulator</c> section; <c>--simulate</c> on the command line turns it on).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public bool Enabled { get; set; }

    /// <summary>Orders per second on average over a day (busier late morning and evening, quiet at night).</summary>
    public double OrdersPerSecond { get; set; } = 2;

    /// <summary>How often the simulator writes what happened since its last step.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        if (options.OrdersPerSecond is <= 0 or > 1000)
        {
            failures.Add("Simulator:OrdersPerSecond must be above 0 and at most 1000.");
        }
        if (options.StepInterval < TimeSpan.FromMilliseconds(200) || options.StepInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("Simulator:StepInterval must be between 00:00:00.200 and 00:01:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
