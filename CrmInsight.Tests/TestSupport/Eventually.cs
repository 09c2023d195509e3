using System.Diagnostics;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// Waits for a condition the server reaches on its own (as Playwright's expectations do for the
/// page): checks it every 50 ms and fails with <paramref name="because"/> once the time-out passes.
/// Not a retry: nothing is done again, the condition is only looked at again.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < timeout, $"Not within {timeout.TotalSeconds:F0} s: {because}");
            await Task.Delay(50);
        }
    }
}
