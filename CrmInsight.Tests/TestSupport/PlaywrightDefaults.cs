using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace CrmInsight.Tests.TestSupport;

/// <summary>Playwright settings for every browser test in the assembly, set once when it loads.</summary>
internal static class PlaywrightDefaults
{
    /// <summary>The wait of every Expect(...) and of every page action.</summary>
    public const int Timeout = 30_000;

    [ModuleInitializer]
    internal static void Apply()
    {
        // Expect(...) waits 5 s by default: a tile recomputed on a loaded 2-core machine can take
        // longer (a Marketing tile assertion failed so). Conditions get the pages' own 30 s.
        Assertions.SetDefaultExpectTimeout(Timeout);
    }
}
