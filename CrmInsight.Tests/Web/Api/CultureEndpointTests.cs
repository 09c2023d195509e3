using System.Net;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Web.Api;

/// <summary>
/// POST /culture/set (a form with the page's antiforgery token): the language cookie, a redirect
/// that stays on this site, and a clear refusal of other languages. A GET changes nothing.
/// </summary>
public sealed class CultureEndpointTests : IClassFixture<CrmInsightServer>
{
    private readonly CrmInsightServer _server;

    public CultureEndpointTests(CrmInsightServer server) => _server = server;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string culture, string redirectUri)
    {
        var token = TestSignIn.AntiforgeryToken(await client.GetStringAsync(new Uri("/signin", UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = culture,
            ["redirectUri"] = redirectUri,
        });
        return await client.PostAsync(new Uri("/culture/set", UriKind.Relative), form);
    }

    [Fact]
    public async Task Sets_the_language_cookie_and_goes_back_to_the_page_and_the_next_page_is_in_that_language()
    {
        using var client = await _server.CreateClientAsync(TestUsers.Analyst);

        using var response = await PostAsync(client, "zh-CN", "/contribution?period=ytd");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contribution?period=ytd", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        using var html = await client.GetAsync(new Uri("/contribution?period=ytd", UriKind.Relative));
        Assert.Contains("<html lang=\"zh-CN\">", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task A_redirect_off_this_site_goes_home_instead(string redirectUri)
    {
        using var client = _server.CreateAnonymousClient();

        using var response = await PostAsync(client, "en-US", redirectUri);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Another_language_is_a_400_that_names_it_and_sets_nothing()
    {
        using var client = _server.CreateAnonymousClient();

        using var response = await PostAsync(client, "fr-FR", "/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fr-FR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_get_is_not_a_way_to_change_the_language()
    {
        using var client = await _server.CreateClientAsync(TestUsers.Analyst);

        using var response = await client.GetAsync(new Uri("/culture/set?culture=zh-CN&redirectUri=/%09/x", UriKind.Relative));

        // Only POST is mapped: routing answers a GET as no endpoint (404) or the wrong method (405).
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"GET answered {(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
