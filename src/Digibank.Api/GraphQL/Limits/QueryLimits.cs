namespace Digibank.Api.GraphQL;

/// <summary>What one GraphQL request may ask of the server. The README's limits section lists them.</summary>
public static class QueryLimits
{
    /// <summary>Field nesting of an operation, checked by the complexity analyzer.</summary>
    public const int MaxDepth = 15;

    /// <summary>Estimated cost of an operation; lists multiply their children by the page size.</summary>
    public const int MaxComplexity = 25_000;

    /// <summary>Complexity of a connection's <c>totalCount</c>: a COUNT over the whole filtered list.</summary>
    public const int TotalCountImpact = 250;

    /// <summary>Complexity of fetching one page of a connection.</summary>
    public const int PageImpact = 25;

    /// <summary>SQL statements one request may send; checked as it runs (see <c>SqlStatementBudget</c>).</summary>
    public const int MaxSqlStatements = 100;

    /// <summary>Syntax nesting the parser accepts (braces, lists, object values), before any validation.</summary>
    public const int MaxParserDepth = 100;

    /// <summary>Nesting of <c>and</c>/<c>or</c> and related objects in one <c>where</c> filter.</summary>
    public const int MaxFilterDepth = 10;

    /// <summary>Conditions (operations such as <c>eq</c> or <c>contains</c>) in one <c>where</c> filter.</summary>
    public const int MaxFilterConditions = 100;

    /// <summary>Values in one <c>in</c>/<c>nin</c> list of a filter.</summary>
    public const int MaxFilterListValues = 1_000;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
}
