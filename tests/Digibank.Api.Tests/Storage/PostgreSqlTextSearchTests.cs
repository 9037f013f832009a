using Digibank.Api.Tests.Courses;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// Searching and filtering on PostgreSQL find what they find on SQLite: the same checks as
/// <see cref="CourseQueryTests"/> and <see cref="CourseFilterOperationTests"/>, on the same demo catalogue.
/// Both stores compare the folded keys (<c>TitleKey</c>, …) that the API writes, so neither collation nor
/// case rules of the engine come into it.
/// </summary>
public sealed class PostgreSqlTextSearchTests(PostgreSqlApiFactory api) : IClassFixture<PostgreSqlApiFactory>
{
    [PostgreSqlTheory]
    [InlineData("tax on web")]
    [InlineData("Tax-on-web")]
    [InlineData("taxonweb")]
    [InlineData("TAX-ON-WEB")]
    [InlineData("tàx ön wéb")]
    public Task Title_search_ignores_case_accents_spaces_and_hyphens(string typed) =>
        CourseQueryTests.TitleSearchFindsTaxOnWebAsync(api, typed);

    [PostgreSqlTheory]
    [MemberData(nameof(CourseFilterOperationTests.Operations), MemberType = typeof(CourseFilterOperationTests))]
    public Task Every_filter_operation_returns_exactly_the_courses_that_match(string where, string operation) =>
        CourseFilterOperationTests.CheckAsync(api, where, operation);
}
