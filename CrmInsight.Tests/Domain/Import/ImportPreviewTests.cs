using System.Text;
using CrmInsight.Domain.Import;

namespace CrmInsight.Tests.Domain.Import;

/// <summary>The Import page's preview: the first lines of a file, checked by the import's own rules before anything is written.</summary>
public sealed class ImportPreviewTests
{
    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    private static ImportSettings Guessed(ImportPreview preview)
    {
        var (mapping, errors) = ColumnMapping.From(ImportKind.OrderLines, ColumnMapping.Guess(ImportKind.OrderLines, preview.Header));
        Assert.Empty(errors);
        return new ImportSettings(mapping!);
    }

    [Fact]
    public void Reads_the_header_trimmed_and_only_the_first_records_with_their_line_numbers()
    {
        // A quoted field with a line break makes record 2 span lines 3 and 4, so record 3 starts on line 5.
        var preview = ImportPreview.Read(File("InvoiceNo , Quantity,InvoiceDate,UnitPrice,CustomerID\nA1,1,2024-03-01,2,C1\n\"A\n2\",1,2024-03-01,2,C1\nA3,1,2024-03-01,2,C1\nA4,1,2024-03-01,2,C1\n"), rows: 3);

        Assert.Equal(["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"], preview.Header);
        Assert.Equal([2L, 3L, 5L], preview.Rows.Select(r => r.Line));
        Assert.Equal("A\n2", preview.Rows[1].Record[0]);
    }

    [Fact]
    public void An_empty_file_is_refused_with_a_reason()
    {
        var error = Assert.Throws<FormatException>(() => ImportPreview.Read(File("")));
        Assert.Contains("first line must name the columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_line_is_checked_by_the_import_rules_with_the_guessed_mapping()
    {
        var preview = ImportPreview.Read(File(OrderLineImportTests.Retail));

        var (lines, errors) = preview.Check(ImportKind.OrderLines, Guessed(preview));

        Assert.Empty(errors);
        // The ten lines of the retail sample: lines 2-4 and 10 are sales, 5 and 11 returned lines
        // (quantity -1), 6 has quantity 0, 7 a negative price, 8 an unreadable quantity, 9 an impossible date.
        Assert.Equal(Enumerable.Range(2, 10).Select(l => (long)l), lines.Select(l => l.Line));
        Assert.Equal([5L, 11L], lines.Where(l => l.IsReturn).Select(l => l.Line));
        Assert.Equal([6L, 7L, 8L, 9L], lines.Where(l => l.Problem is not null).Select(l => l.Line));
        Assert.Equal("0", lines.Single(l => l.Line == 6).Problem!.Value);
        Assert.Equal("2024-13-40", lines.Single(l => l.Line == 9).Problem!.Value);
        Assert.Equal("1000.10", lines.Single(l => l.Line == 10).Values["price"]); // quotes are gone, the value kept
        Assert.Null(lines.Single(l => l.Line == 4).Values["customer"]); // blank: an anonymous sale
    }

    [Fact]
    public void A_required_field_left_unmapped_is_named_and_no_line_is_checked()
    {
        var preview = ImportPreview.Read(File("InvoiceNo,Quantity,UnitPrice,CustomerID\nA1,1,2,C1\n"));

        var (mapping, errors) = ColumnMapping.From(ImportKind.OrderLines, ColumnMapping.Guess(ImportKind.OrderLines, preview.Header));

        Assert.Null(mapping);
        Assert.Contains(errors, e => e.Contains("date", StringComparison.Ordinal));
    }
}
