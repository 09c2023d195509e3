using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// What a request that failed on the server answers outside Development: never the exception's
/// text or a stack trace. The API, ingest and exports answer a problem body (503 with
/// Retry-After when the database did not answer, else 500); pages re-execute <c>/Error</c>.
/// The exception itself is logged by the exception-handler middleware.
/// </summary>
public static class ErrorAnswers
{
    public static IServiceCollection AddErrorAnswers(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is null)
            {
                return;
            }
            var database = IsDatabaseFault(context.Exception);
            context.ProblemDetails.Title = database ? "The database did not answer" : "Something went wrong";
            context.ProblemDetails.Detail = database
                ? "The database is not answering right now; nothing was changed. Try again in a moment."
                : "The server could not answer this request; nothing was changed. The request id is in the server log.";
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        });

    public static WebApplication UseErrorAnswers(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app; // the developer exception page, with the details a developer needs
        }
        app.UseWhen(IsMachineRequest, api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => IsDatabaseFault(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        }).Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && context.Features.Get<IExceptionHandlerFeature>() is not null)
                {
                    context.Response.Headers.RetryAfter = "10";
                }
                return Task.CompletedTask;
            });
            await next(context);
        }));
        // Each kind of request gets one handler: nested handlers would let the inner one answer.
        app.UseWhen(context => !IsMachineRequest(context), pages => pages.UseExceptionHandler("/Error", createScopeForErrors: true));
        app.UseHsts();
        return app;
    }

    /// <summary>A database that failed or is out of reach, as opposed to a bug.</summary>
    public static bool IsDatabaseFault(Exception exception) => exception switch
    {
        DbException or IOException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsDatabaseFault),
        _ => exception.InnerException is { } inner && IsDatabaseFault(inner),
    };

    private static bool IsMachineRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/export") || context.Request.Path.StartsWithSegments("/healthz");
}
