using System.Net;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Web.Api;

/// <summary>/culture/set: the language cookie, a redirect that stays on this site, and a clear refusal of other languages.</summary>
public sealed class CultureEndpointTests : IClassFixture<CrmInsightServer>
{
    private readonly CrmInsightServer _server;

    public CultureEndpointTests(CrmInsightServer server) => _server = server;

    private HttpClient Client() => _server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task Sets_the_language_cookie_and_goes_back_to_the_page_and_the_next_page_is_in_that_language()
    {
        await _server.WaitUntilReadyAsync();
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/culture/set?culture=zh-CN&redirectUri=" + Uri.EscapeDataString("/contribution?period=ytd"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contribution?period=ytd", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/contribution?period=ytd", UriKind.Relative));
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var html = await client.SendAsync(page);
        Assert.Contains("<html lang=\"zh-CN\">", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task A_redirect_off_this_site_goes_home_instead(string redirectUri)
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/culture/set?culture=en-US&redirectUri=" + Uri.EscapeDataString(redirectUri), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Another_language_is_a_400_that_names_it_and_sets_nothing()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/culture/set?culture=fr-FR&redirectUri=/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fr-FR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
