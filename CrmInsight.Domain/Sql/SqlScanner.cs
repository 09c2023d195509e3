using System.Text;

namespace CrmInsight.Domain.Sql;

/// <summary>
/// A small lexer for the SQL we write: it knows string literals, quoted identifiers and
/// comments well enough that parameter markers and statement separators inside them are
/// left alone. It does not parse SQL.
/// </summary>
public static class SqlScanner
{
    /// <summary>
    /// Finds every <c>@name</c> parameter outside literals and comments and rewrites its
    /// marker to <paramref name="marker"/> (DuckDB.NET binds <c>$name</c> only).
    /// Names are returned lower-cased, without the marker, in order of first use.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Parameters) RewriteParameters(string sql, char marker)
    {
        var output = new StringBuilder(sql.Length);
        var names = new List<string>();
        Scan(sql, '@', (start, end, kind) =>
        {
            if (kind == TokenKind.Parameter)
            {
                output.Append(marker).Append(sql, start + 1, end - start - 1);
                var name = sql[(start + 1)..end].ToLowerInvariant();
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
            else
            {
                output.Append(sql, start, end - start);
            }
        });
        return (output.ToString(), names);
    }

    /// <summary>
    /// <paramref name="sql"/> (parameters marked with <paramref name="marker"/>) with each
    /// parameter outside literals and comments for which <paramref name="literalFor"/> gives a
    /// text replaced by that text; the others are left as they are.
    /// </summary>
    public static string InlineParameters(string sql, char marker, Func<string, string?> literalFor)
    {
        var output = new StringBuilder(sql.Length);
        Scan(sql, marker, (start, end, kind) =>
        {
            if (kind == TokenKind.Parameter && literalFor(sql[(start + 1)..end].ToLowerInvariant()) is { } literal)
            {
                output.Append(literal);
            }
            else
            {
                output.Append(sql, start, end - start);
            }
        });
        return output.ToString();
    }

    /// <summary>Splits a script into statements on semicolons outside literals and comments.</summary>
    public static IReadOnlyList<string> SplitStatements(string sql)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var hasCode = false;
        Scan(sql, '@', (start, end, kind) =>
        {
            if (kind == TokenKind.Separator)
            {
                if (hasCode)
                {
                    statements.Add(current.ToString().Trim());
                }
                current.Clear();
                hasCode = false;
                return;
            }
            current.Append(sql, start, end - start);
            if (kind is not (TokenKind.Comment or TokenKind.Whitespace))
            {
                hasCode = true;
            }
        });
        if (hasCode)
        {
            statements.Add(current.ToString().Trim());
        }
        return statements;
    }

    private enum TokenKind
    {
        Code,
        Whitespace,
        Literal,
        Comment,
        Parameter,
        Separator,
    }

    private static void Scan(string sql, char marker, Action<int, int, TokenKind> emit)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            int end;
            TokenKind kind;
            if (c == '-' && next == '-')
            {
                end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                kind = TokenKind.Comment;
            }
            else if (c == '/' && next == '*')
            {
                end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                kind = TokenKind.Comment;
            }
            else if (c is '\'' or '"')
            {
                end = QuotedEnd(sql, i, c);
                kind = TokenKind.Literal;
            }
            else if (c == marker && IsNameStart(next) && !PrecededByName(sql, i, marker))
            {
                end = i + 1;
                while (end < sql.Length && IsNamePart(sql[end]))
                {
                    end++;
                }
                kind = TokenKind.Parameter;
            }
            else if (c == ';')
            {
                end = i + 1;
                kind = TokenKind.Separator;
            }
            else if (char.IsWhiteSpace(c))
            {
                end = i + 1;
                kind = TokenKind.Whitespace;
            }
            else
            {
                // Consume a whole word at once so "x@y"-like text inside names stays intact.
                end = i + 1;
                if (IsNamePart(c))
                {
                    while (end < sql.Length && IsNamePart(sql[end]))
                    {
                        end++;
                    }
                }
                kind = TokenKind.Code;
            }
            emit(i, end, kind);
            i = end;
        }
    }

    /// <summary>End (exclusive) of a quoted run; a doubled closing quote is an escaped quote.</summary>
    private static int QuotedEnd(string sql, int start, char close)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (i + 1 < sql.Length && sql[i + 1] == close)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }

    private static bool PrecededByName(string sql, int index, char marker) => index > 0 && (IsNamePart(sql[index - 1]) || sql[index - 1] == marker);

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
