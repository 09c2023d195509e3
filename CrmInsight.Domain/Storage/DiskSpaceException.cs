namespace CrmInsight.Domain.Storage;

/// <summary>
/// The disk holding the database has less free space than <c>Storage:MinFreeDiskBytes</c>, so a
/// write was refused before it began (DuckDB ends the whole process when the disk fills up in
/// the middle of a commit). Its message is meant for users.
/// </summary>
public sealed class DiskSpaceException(string folder, long freeBytes, long minimumBytes)
    : IOException($"The disk holding the database ({folder}) has {freeBytes / 1024.0 / 1024.0:N0} MB free; writes need at least {minimumBytes / 1024.0 / 1024.0:N0} MB (Storage:MinFreeDiskBytes). Nothing was written; free some space and send it again.");
