using Microsoft.AspNetCore.Antiforgery;

namespace CrmInsight.Web.Api;

/// <summary>
/// The small form posts outside Blazor (sign-out, language): each carries the antiforgery token
/// the page rendered (<c>&lt;AntiforgeryToken /&gt;</c>), so another site cannot post them for a
/// signed-in browser. A missing or wrong token is a 400 and changes nothing.
/// </summary>
public static class FormPosts
{
    public static async Task<IResult?> RejectForgedAsync(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Form expired", detail: "The form's antiforgery token is missing or invalid: reload the page and try again.");
        }
    }
}
