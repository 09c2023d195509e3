using System.Text.Encodings.Web;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header: an ingest key (writes) or a read key
/// (GET /api/kpis and exports). A display key in the header is refused: it opens the wall only,
/// through its cookie. What a key may do is decided by the authorization policies, which see its role.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessKeyStore keys,
    DatabaseReadiness readiness)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        if (!readiness.IsReady)
        {
            return AuthenticateResult.Fail("The database is not ready.");
        }
        var key = await keys.VerifyAnyAsync(values.ToString(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("No valid, unrevoked key.");
        }
        if (key.Kind == AccessKeyKind.Display)
        {
            return AuthenticateResult.Fail("A display key opens the wall only.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(KeyPrincipal.For(key, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => readiness.IsReady
        ? Problem(StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid, unrevoked key in the {Header} header: an api key to write (keys create --kind api), a read key to read (keys create --kind read).")
        : Problem(StatusCodes.Status503ServiceUnavailable, "Not ready", readiness.Message);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "Not allowed for this key",
            "An api key writes through POST /api/ingest and reads nothing; a read key reads GET /api/kpis and the exports and writes nothing.");

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
}
