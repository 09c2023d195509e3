namespace CrmInsight.Domain.Import;

/// <summary>
/// A field an import kind reads. <see cref="Required"/> fields must be mapped; a mapped field's
/// value may still be blank where <see cref="BlankAllowed"/> says so (an anonymous sale's customer).
/// <see cref="Aliases"/> are header names the Import page maps to it on its own (lower case, no spaces).
/// </summary>
public sealed record ImportField(string Name, bool Required, bool BlankAllowed, params string[] Aliases);

/// <summary>The fields of each import kind.</summary>
public static class ImportFields
{
    private static readonly ImportField[] OrderLines =
    [
        new("order", true, false, "order", "orderid", "orderno", "ordernumber", "invoice", "invoiceno", "invoiceid", "invoicenumber", "transactionid"),
        new("customer", true, true, "customer", "customerid", "customerno", "customercode", "clientid", "accountid"),
        new("date", true, false, "date", "orderdate", "invoicedate", "transactiondate", "purchasedate", "datetime"),
        new("quantity", true, false, "quantity", "qty", "units"),
        new("price", false, false, "price", "unitprice", "priceeach"),
        new("amount", false, false, "amount", "linetotal", "total", "lineamount", "sales", "value"),
        new("product", false, true, "product", "stockcode", "sku", "productid", "productcode", "item", "description"),
        new("category", false, true, "category", "productcategory", "productline"),
        new("region", false, true, "region", "country", "state", "territory"),
        new("channel", false, true, "channel", "saleschannel"),
        new("rep", false, true, "rep", "salesrep", "salesperson", "seller"),
        new("cost", false, true, "cost", "unitcost", "costprice"),
    ];

    private static readonly ImportField[] Customers =
    [
        new("id", true, false, "id", "customerid", "customerno", "customercode", "clientid"),
        new("name", false, true, "name", "customername", "fullname", "company"),
        new("region", false, true, "region", "country", "state", "territory"),
        new("segment", false, true, "segment", "customersegment", "tier"),
        new("email", false, true, "email", "emailaddress", "mail"),
        new("phone", false, true, "phone", "phonenumber", "telephone", "mobile"),
        new("acquired", false, true, "acquired", "acquireddate", "signupdate", "createddate", "since", "joined"),
    ];

    private static readonly ImportField[] Tickets =
    [
        new("id", true, false, "id", "ticketid", "ticketno", "caseid", "casenumber"),
        new("customer", false, true, "customer", "customerid", "customerno", "clientid"),
        new("category", false, true, "category", "type", "issuetype", "topic"),
        new("channel", true, false, "channel", "source", "via"),
        new("submitted", true, false, "submitted", "submittedat", "created", "createdat", "opened", "openedat"),
        new("first-response", false, true, "first-response", "firstresponse", "firstresponseat", "respondedat"),
        new("resolved", false, true, "resolved", "resolvedat", "closedat", "closed"),
        new("complaint", false, true, "complaint", "iscomplaint"),
    ];

    private static readonly ImportField[] Surveys =
    [
        new("id", true, false, "id", "surveyid", "responseid"),
        new("customer", false, true, "customer", "customerid", "customerno", "clientid"),
        new("date", true, false, "date", "surveydate", "answeredat", "submitted"),
        new("csat", false, true, "csat", "satisfaction", "csatscore"),
        new("rating", false, true, "rating", "servicerating", "score"),
        new("recommend", false, true, "recommend", "nps", "likelytorecommend"),
    ];

    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind switch
    {
        ImportKind.OrderLines => OrderLines,
        ImportKind.Customers => Customers,
        ImportKind.Tickets => Tickets,
        _ => Surveys,
    };

    /// <summary>Rules beyond "this field is required": one of several fields must be mapped.</summary>
    internal static IEnumerable<string> MissingAlternatives(ImportKind kind, IReadOnlyCollection<string> mapped)
    {
        if (kind == ImportKind.OrderLines && !mapped.Contains("price") && !mapped.Contains("amount"))
        {
            yield return "map price or amount";
        }
        if (kind == ImportKind.OrderLines && mapped.Contains("price") && mapped.Contains("amount"))
        {
            yield return "map price or amount, not both";
        }
        if (kind == ImportKind.Surveys && !mapped.Contains("csat") && !mapped.Contains("rating") && !mapped.Contains("recommend"))
        {
            yield return "map at least one of csat, rating, recommend";
        }
    }
}
