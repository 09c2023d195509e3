namespace CrmInsight.Domain.Demo;

/// <summary>Where generated rows go: the DuckDB appender in the product, a list in tests.</summary>
public interface IDemoSink
{
    void AddDimensions(DemoWorld world);

    void Add(CustomerRow row);

    void Add(in OrderRow row);

    void Add(in TicketRow row);

    void Add(in SurveyRow row);

    void Add(in TouchRow row);

    void Add(in SpendRow row);

    void Add(in OpportunityRow row);

    void Add(in ActivityRow row);

    void Add(in QuotaRow row);
}
