using System.Collections;
using System.Globalization;

namespace CrmInsight.Domain.Filters;

/// <summary>
/// A sorted, distinct, immutable set of member ids with value equality, so filters that
/// select the same members are equal and produce the same cache key and URL.
/// </summary>
public sealed class IdSet : IEquatable<IdSet>, IReadOnlyCollection<int>
{
    public static readonly IdSet Empty = new([]);

    private readonly int[] _ids;

    private IdSet(int[] sortedDistinct) => _ids = sortedDistinct;

    public static IdSet Of(IEnumerable<int> ids)
    {
        var sorted = ids.Distinct().Order().ToArray();
        return sorted.Length == 0 ? Empty : new IdSet(sorted);
    }

    public static IdSet Of(params int[] ids) => Of((IEnumerable<int>)ids);

    public int Count => _ids.Length;

    public bool IsEmpty => _ids.Length == 0;

    public bool Contains(int id) => Array.BinarySearch(_ids, id) >= 0;

    public IdSet Add(int id) => Contains(id) ? this : Of(_ids.Append(id));

    public IdSet Remove(int id) => Contains(id) ? Of(_ids.Where(x => x != id)) : this;

    public IReadOnlyList<int> ToList() => _ids;

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_ids).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _ids.GetEnumerator();

    public bool Equals(IdSet? other) => other is not null && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => Equals(obj as IdSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in _ids)
        {
            hash.Add(id);
        }
        return hash.ToHashCode();
    }

    /// <summary>"3,5,8": the form used in URLs.</summary>
    public override string ToString() => string.Join(',', _ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
