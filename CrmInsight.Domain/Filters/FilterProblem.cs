namespace CrmInsight.Domain.Filters;

public enum FilterProblemKind
{
    /// <summary>The value is not of the parameter's type (not a number, not a date ...).</summary>
    Malformed,

    /// <summary>Well-formed, but no such member exists.</summary>
    UnknownMember,

    /// <summary>The dates do not make a range (end not after start, outside the calendar).</summary>
    InvalidRange,

    /// <summary>The parameter is not one this endpoint takes.</summary>
    UnknownParameter,

    /// <summary>A team or rep (or customer) outside the caller's scope: refused, never widened to.</summary>
    OutsideScope,
}

/// <summary>A URL value that was ignored, and why; shown to the user, never thrown.</summary>
public sealed record FilterProblem(FilterProblemKind Kind, string Parameter, string Value)
{
    /// <summary>An English sentence naming the parameter and value (the API's 400 body; pages localise by kind).</summary>
    public string Message => Kind switch
    {
        FilterProblemKind.Malformed => $"'{Value}' is not a valid value for '{Parameter}'.",
        FilterProblemKind.UnknownMember => $"There is no {Parameter} with id {Value}.",
        FilterProblemKind.InvalidRange => $"'{Parameter}={Value}' does not make a valid date range.",
        FilterProblemKind.UnknownParameter => $"'{Parameter}' is not a known parameter.",
        FilterProblemKind.OutsideScope => $"{Parameter} {Value} is outside your data scope (the teams you may see).",
        _ => $"'{Parameter}={Value}' cannot be used.",
    };
}
