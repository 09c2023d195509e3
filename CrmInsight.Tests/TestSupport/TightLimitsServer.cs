using Microsoft.AspNetCore.Hosting;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// The app with tight operator limits (ingest body and records, CSV field and record length,
/// exports per minute, half a second's wait for the write gate), shared by the test classes that check each limit's answer.
/// </summary>
public sealed class TightLimitsServer : CrmInsightServer
{
    public const string Collection = "Tight limits server";

    public const int ExportsPerMinute = 3;

    protected override (int Customers, int Orders) DemoSize => (200, 1_000);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ingest:MaxBodyBytes", "2048");
        builder.UseSetting("Ingest:MaxRecords", "3");
        builder.UseSetting("Csv:MaxFieldLength", "64");
        builder.UseSetting("Csv:MaxRecordLength", "1024");
        builder.UseSetting("Storage:WriteWaitTimeout", "00:00:00.500");
        builder.UseSetting("Export:PerClientPerMinute", ExportsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(TightLimitsServer.Collection)]
public sealed class TightLimitsServerGroup : ICollectionFixture<TightLimitsServer>;
