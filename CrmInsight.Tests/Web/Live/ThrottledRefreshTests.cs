using CrmInsight.Web.Live;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.Web.Live;

/// <summary>
/// The throttle on a fake clock: its timer fires inside <see cref="FakeTimeProvider.Advance"/>,
/// so "nothing ran" is checked after moving the clock far past any due time, not after a sleep.
/// </summary>
public sealed class ThrottledRefreshTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 4, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_burst_of_changes_is_one_refresh_and_the_next_waits_for_the_interval()
    {
        var refreshes = 0;
        using var throttle = new ThrottledRefresh(TimeSpan.FromSeconds(1), _time, () => { refreshes++; return Task.CompletedTask; });

        throttle.Request(); // runs at once: nothing was drawn in the last second
        Assert.Equal(1, refreshes);
        for (var i = 0; i < 10; i++)
        {
            throttle.Request(); // folded into one refresh, due a second after the first
        }
        Assert.Equal(1, refreshes);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, refreshes);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, refreshes);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, refreshes); // nothing asked for since
    }

    [Fact]
    public void A_request_during_a_refresh_runs_once_more_after_it_and_the_interval()
    {
        var refreshes = 0;
        var running = new TaskCompletionSource();
        using var throttle = new ThrottledRefresh(TimeSpan.FromSeconds(1), _time, () => { refreshes++; return running.Task; });

        throttle.Request();
        throttle.Request(); // while the first refresh is still running
        throttle.Request();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, refreshes); // not while one runs

        running.SetResult(); // the refresh ends: the request waiting is scheduled a second after it began
        Assert.Equal(2, refreshes); // five seconds have passed since, so at once

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public void Nothing_runs_after_dispose()
    {
        var refreshes = 0;
        var throttle = new ThrottledRefresh(TimeSpan.FromSeconds(1), _time, () => { refreshes++; return Task.CompletedTask; });
        throttle.Request();
        throttle.Request(); // due in a second

        throttle.Dispose();
        throttle.Request();
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, refreshes);
    }
}
