using System.Globalization;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CrmInsight.Domain.Export;

/// <summary>
/// An .xlsx workbook written row by row with the Open XML SDK's streaming writer: sheet "Data"
/// holds the header and rows (numbers as numbers, dates as dates), sheet "About" the title and
/// filter context. The package needs a seekable stream; callers give it a temporary file.
/// </summary>
public static class XlsxTableWriter
{
    private const uint DateStyle = 1;
    private const uint MoneyStyle = 2;
    private const uint HeaderStyle = 3;

    public static async Task WriteAsync(
        Stream seekableOutput, ExportHeader header, IReadOnlyList<(string Field, string Header, ColumnKind Kind)> columns,
        IAsyncEnumerable<SqlRow> rows, CancellationToken cancellationToken = default)
    {
        using var document = SpreadsheetDocument.Create(seekableOutput, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        AddStyles(workbook);

        var data = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(data))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, columns.Select(c => TextCell(c.Header, HeaderStyle)));
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(writer, columns.Select(c => Cell(row[c.Field], c.Kind)));
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var about = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(about))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [TextCell(header.Title, HeaderStyle)]);
            foreach (var (label, value) in header.Context)
            {
                WriteRow(writer, [TextCell(label), TextCell(value)]);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = "Data" },
            new Sheet { Id = workbook.GetIdOfPart(about), SheetId = 2, Name = "About" }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell Cell(object? value, ColumnKind kind) => value switch
    {
        null or DBNull => new Cell(),
        DateTime date => DateCell(date),
        DateOnly date => DateCell(date.ToDateTime(TimeOnly.MinValue)),
        string text => TextCell(text),
        IConvertible number when kind is ColumnKind.Money or ColumnKind.Count or ColumnKind.Number or ColumnKind.Fraction =>
            new Cell
            {
                DataType = CellValues.Number,
                CellValue = new CellValue(number.ToDecimal(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
                StyleIndex = kind == ColumnKind.Money ? MoneyStyle : null,
            },
        _ => TextCell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell TextCell(string text, uint? style = null) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Cell DateCell(DateTime date) =>
        new() { CellValue = new CellValue(date.ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle };

    /// <summary>Cell formats: 0 default, 1 date (yyyy-mm-dd), 2 money (#,##0.00), 3 bold header.</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 4 });
        styles.Stylesheet.Save();
    }
}
