namespace CrmInsight.Domain.Export;

/// <summary>
/// CSV injection (OWASP): a spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return as a formula, so a customer named <c>=HYPERLINK(…)</c> would
/// become a live link in the analyst's Excel. Such text cells get a leading apostrophe, which
/// spreadsheets show as plain text. Numbers are written by the exporter itself and never pass
/// through here, so <c>-12.50</c> stays a number. (XLSX cells are typed strings and are not at risk.)
/// </summary>
public static class CsvFormulaGuard
{
    // The ASCII triggers plus their full-width forms, which some spreadsheet versions also read as formulas.
    private const string Triggers = "=+-@\t\r＝＋－＠";

    public static string Neutralize(string text) =>
        text.Length > 0 && Triggers.Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
