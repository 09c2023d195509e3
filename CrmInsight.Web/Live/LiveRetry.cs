using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CrmInsight.Web.Live;

/// <summary>
/// The retry every live screen uses for its loads (Polly): a failed load is tried again after
/// <see cref="LiveOptions.RetryDelay"/>, then with exponentially longer waits (with jitter, so
/// fifty walls do not all knock at once) of at most <see cref="LiveOptions.RetryMaxDelay"/>, for as
/// long as the screen is open — a wall whose load failed recovers by itself. A newer load
/// cancels the older one's waits. Cancellation is never retried.
/// </summary>
public sealed class LiveRetry(IOptions<LiveOptions> options, TimeProvider time)
{
    /// <param name="onRetry">Told each failure and the wait before the next try (to show the error state meanwhile).</param>
    public ResiliencePipeline Create(Func<Exception, TimeSpan, ValueTask> onRetry)
    {
        var live = options.Value;
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                // Everything but the caller's own cancellation (a query that timed out is retried).
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex
                    && !(ex is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = live.RetryDelay,
                MaxDelay = live.RetryMaxDelay,
                OnRetry = args => onRetry(args.Outcome.Exception!, args.RetryDelay),
            })
            .Build();
    }

    /// <summary>Runs <paramref name="action"/> through <paramref name="pipeline"/> with its continuations on the caller's context (a Blazor renderer).</summary>
    public static async Task ExecuteAsync(ResiliencePipeline pipeline, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, cancellationToken);
        try
        {
            await pipeline.ExecuteAsync(async (c, run) => await run(c.CancellationToken), context, action);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
