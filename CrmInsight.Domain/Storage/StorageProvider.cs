namespace CrmInsight.Domain.Storage;

public enum StorageProvider
{
    DuckDb,
    SqlServer,
}
