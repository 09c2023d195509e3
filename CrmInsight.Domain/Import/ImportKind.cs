namespace CrmInsight.Domain.Import;

/// <summary>What a CSV file holds.</summary>
public enum ImportKind
{
    OrderLines,
    Customers,
    Tickets,
    Surveys,
}

public static class ImportKinds
{
    /// <summary>The command-line name of a kind (<c>order-lines</c>).</summary>
    public static string CommandName(this ImportKind kind) => kind switch
    {
        ImportKind.OrderLines => "order-lines",
        ImportKind.Customers => "customers",
        ImportKind.Tickets => "tickets",
        _ => "surveys",
    };

    public static bool TryParse(string text, out ImportKind kind)
    {
        foreach (var each in Enum.GetValues<ImportKind>())
        {
            if (string.Equals(each.CommandName(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = each;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
