namespace CrmInsight.Domain.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

public static class ExportFormats
{
    public static ExportFormat? FromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    public static string ContentType(this ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(this ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";
}
