namespace CrmInsight.Domain.Export;

/// <summary>What an export holds: the table's title and the filter context it was taken with.</summary>
public sealed record ExportHeader(string Title, IReadOnlyList<(string Label, string Value)> Context);
