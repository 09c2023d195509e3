using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Ingest;

/// <summary>Dimension members a record may name, matched by name without regard to case.</summary>
public sealed class IngestLookups
{
    private readonly Dictionary<(string Kind, string Name), SqlRow> _members;
    private readonly Dictionary<int, int?> _repTeams = [];

    public IngestLookups(IEnumerable<SqlRow> rows)
    {
        _members = [];
        foreach (var row in rows)
        {
            _members.TryAdd((row.GetString("kind")!, row.GetString("name")!.ToUpperInvariant()), row);
            if (row.GetString("kind") == "rep")
            {
                _repTeams[(int)row.GetInt64("id")] = IngestService.NullableInt(row, "team_id");
            }
        }
    }

    /// <summary>The team of the rep with this id (null when there is no such rep).</summary>
    public int? TeamOfRep(int repId) => _repTeams.GetValueOrDefault(repId);

    /// <summary>The member's row, or null with a problem naming what is known.</summary>
    public SqlRow? Find(RecordReader reader, string field, string kind, bool required = false)
    {
        var name = reader.Text(field, required);
        if (name is null)
        {
            return null;
        }
        if (_members.TryGetValue((kind, name.ToUpperInvariant()), out var row))
        {
            return row;
        }
        var known = _members.Keys.Where(k => k.Kind == kind).Select(k => _members[k].GetString("name")).Take(12).ToList();
        reader.Problem(field, known.Count == 0
            ? $"Unknown {kind} '{name}': the database has no {kind}s yet."
            : $"Unknown {kind} '{name}'; known: {string.Join(", ", known)}{(known.Count == 12 ? ", …" : "")}.");
        return null;
    }
}
