namespace CrmInsight.Domain.Sql;

/// <summary>The database engines the SQL catalog holds text for.</summary>
public enum SqlDialect
{
    DuckDb,
    SqlServer,
}
