using System.Net;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Hosting;

namespace CrmInsight.Tests.Web.Api;

/// <summary>A database that cannot be opened: the app stays up and says why, on every path, without a 500.</summary>
public sealed class FailedStartTests : IClassFixture<FailedStartTests.UnreadableDatabaseServer>
{
    private readonly UnreadableDatabaseServer _server;

    public FailedStartTests(UnreadableDatabaseServer server) => _server = server;

    [Fact]
    public async Task Health_the_api_and_the_pages_say_the_database_could_not_be_opened()
    {
        // Nobody can sign in without a database; a key's request is told why it cannot be checked.
        using var client = _server.CreateKeyClient("cik_read_unchecked");
        await _server.WaitUntilSettledAsync();
        var readiness = _server.Readiness;

        Assert.Equal(DatabaseState.Failed, readiness.State);
        Assert.StartsWith("The database could not be opened", readiness.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var api = await client.GetAsync(new Uri("/api/kpis?ids=revenue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("could not be opened", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("could not be opened", await _server.CreateAnonymousClient().GetStringAsync(new Uri("/signin", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(_server.DatabasePath)); // nothing overwrote it
    }

    /// <summary>The app pointed at a file that exists but is not a DuckDB database.</summary>
    public sealed class UnreadableDatabaseServer : CrmInsightServer
    {
        public UnreadableDatabaseServer() => File.WriteAllText(DatabasePath, "not a database");
    }
}
