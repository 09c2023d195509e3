using CrmInsight.Domain.Import;

namespace CrmInsight.Tests.Domain.Import;

public sealed class ColumnMappingTests
{
    [Fact]
    public void Parses_fields_to_columns()
    {
        var (mapping, errors) = ColumnMapping.Parse(ImportKind.OrderLines, "order=InvoiceNo, customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice");

        Assert.Empty(errors);
        Assert.Equal("InvoiceNo", mapping!.Columns["order"]);
        Assert.False(mapping.Has("amount"));
    }

    [Theory]
    [InlineData("order=A,customer=B,date=C,quantity=D,price=E,colour=F", "Unknown field 'colour' for order-lines")]
    [InlineData("order=A,customer=B,date=C,quantity=D", "Mapping: map price or amount.")]
    [InlineData("order=A,customer=B,date=C,quantity=D,price=E,amount=F", "map price or amount, not both")]
    [InlineData("order=A,order=B,customer=B,date=C,quantity=D,price=E", "Field 'order' is mapped twice.")]
    [InlineData("customer=B,date=C,quantity=D,price=E", "Required field 'order' is not mapped.")]
    [InlineData("order=,customer=B,date=C,quantity=D,price=E", "Field 'order' needs a column name")]
    public void Bad_mappings_are_named(string map, string message)
    {
        var (mapping, errors) = ColumnMapping.Parse(ImportKind.OrderLines, map);

        Assert.Null(mapping);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Surveys_need_at_least_one_score()
    {
        var (_, errors) = ColumnMapping.Parse(ImportKind.Surveys, "id=Id,date=Date");

        Assert.Contains("Mapping: map at least one of csat, rating, recommend.", errors);
    }

    [Fact]
    public void Guesses_the_online_retail_export()
    {
        string[] header = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

        var guess = ColumnMapping.Guess(ImportKind.OrderLines, header);

        Assert.Equal("InvoiceNo", guess["order"]);
        Assert.Equal("CustomerID", guess["customer"]);
        Assert.Equal("InvoiceDate", guess["date"]);
        Assert.Equal("Quantity", guess["quantity"]);
        Assert.Equal("UnitPrice", guess["price"]);
        Assert.Equal("Country", guess["region"]);
        Assert.Equal("StockCode", guess["product"]); // preferred over Description
        Assert.Null(guess["amount"]);
        Assert.Null(guess["rep"]);
        Assert.NotNull(ColumnMapping.From(ImportKind.OrderLines, guess).Mapping);
    }

    [Fact]
    public void Resolving_names_a_column_the_file_lacks()
    {
        var (mapping, _) = ColumnMapping.Parse(ImportKind.Customers, "id=Customer ID,name=Name");

        var (resolved, errors) = mapping!.Resolve(["customer id", " NAME "]);
        Assert.NotNull(resolved);

        (resolved, errors) = mapping.Resolve(["Id", "Name"]);
        Assert.Null(resolved);
        Assert.Equal("Column 'Customer ID' (mapped to id) is not in the file; its columns are: Id, Name.", Assert.Single(errors));
    }
}
