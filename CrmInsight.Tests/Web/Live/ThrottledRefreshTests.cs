using CrmInsight.Web.Live;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.Web.Live;

public sealed class ThrottledRefreshTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 4, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_burst_of_changes_is_one_refresh_and_the_next_waits_for_the_interval()
    {
        var refreshes = 0;
        using var throttle = new ThrottledRefresh(TimeSpan.FromSeconds(1), _time, () => { refreshes++; return Task.CompletedTask; });

        throttle.Request(); // runs at once: nothing was drawn in the last second
        await Task.Delay(50);
        for (var i = 0; i < 10; i++)
        {
            throttle.Request(); // folded into one refresh, due a second after the first
        }
        await Task.Delay(50);
        Assert.Equal(1, refreshes);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.Equal(1, refreshes);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Equal(2, refreshes);

        _time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.Equal(2, refreshes); // nothing asked for since
    }

    [Fact]
    public async Task Nothing_runs_after_dispose()
    {
        var refreshes = 0;
        var throttle = new ThrottledRefresh(TimeSpan.FromSeconds(1), _time, () => { refreshes++; return Task.CompletedTask; });
        throttle.Request();
        await Task.Delay(50);
        throttle.Request();

        throttle.Dispose();
        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(50);

        Assert.Equal(1, refreshes);
    }
}
