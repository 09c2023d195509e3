using System.Text;

namespace CrmInsight.Domain.Ingest;

/// <summary>A small RFC 4180 reader for request bodies, which are bounded in size.</summary>
public static class CsvText
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static IReadOnlyList<Row> Parse(string text)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        EndRow();
        return rows;

        void EndRow()
        {
            if (any || fields.Count > 0)
            {
                fields.Add(field.ToString());
                rows.Add(new Row(rowLine, [.. fields]));
            }
            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}
