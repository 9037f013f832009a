using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.GraphQL;

/// <summary>
/// A page query reads only the columns and joined rows its selection needs. Each item must still
/// answer exactly as the fully loaded object that <c>nodes(ids:)</c> returns.
/// </summary>
public sealed class ProjectionTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Town = "fragment Town on Municipality { id name postalCode sections { name postalCode } }";

    private const string Point = Town + """
        fragment Point on HelpPoint {
          id name kind street postalCode phone email services wheelchairAccessible accessibilityNotes isOpenNow
          municipality { ...Town } section { name } location { latitude longitude }
          openingHours { day opens closes } deviceAvailability { kind total available onLoan waiting nextReturnDueAt }
        }
        """;

    private const string Organisation = "fragment Organisation on Partner { id code name kind description website contactEmail contactPhone }";

    private const string CourseFields = Point + Organisation + """
        fragment CourseFields on Course {
          id title summary level language targetGroups externalId capacity seatsLeft waitingListLength
          signUpDeadline isSignUpOpen status wheelchairAccessible accessibilityNotes startsAt updatedAt
          price { amount reducedAmount currency isFree }
          topics { id code name } sessions { startsAt endsAt room }
          partner { ...Organisation }
          municipality { ...Town }
          location { name street helpPoint { ...Point } municipality { name } }
        }
        """;

    public static TheoryData<string, string, string> Connections => new()
    {
        { "courses", "CourseFields", CourseFields },
        { "helpPoints", "Point", Point },
        { "partners", "Organisation", Organisation },
        { "municipalities", "Town", Town },
    };

    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task Every_field_of_a_page_item_equals_the_fully_loaded_object(string connection, string fragment, string fragments)
    {
        var page = (await _client.QueryAsync($"{fragments} {{ {connection}(first: 20) {{ nodes {{ ...{fragment} }} }} }}"))[connection]!["nodes"]!.AsArray();
        var ids = page.Select(node => (string)node!["id"]!).ToArray();

        var full = (await _client.QueryAsync($"{fragments} query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ ...{fragment} }} }}", new { ids }))["nodes"]!.AsArray();

        Assert.NotEmpty(page);
        Assert.Equal(full.ToJsonString(), page.ToJsonString());
    }

    [Fact]
    public async Task A_narrow_selection_answers_as_the_wide_one()
    {
        var narrow = (await _client.QueryAsync("{ courses(first: 20) { edges { node { location { name } } } } }"))["courses"]!["edges"]!.AsArray()
            .Select(edge => (string?)edge!["node"]!["location"]!["name"]);
        var wide = (await _client.QueryAsync(CourseFields + "{ courses(first: 20) { nodes { ...CourseFields } } }"))["courses"]!["nodes"]!.AsArray()
            .Select(node => (string?)node!["location"]!["name"]);

        Assert.Equal(wide, narrow);
        Assert.DoesNotContain(null, narrow);
        Assert.DoesNotContain(string.Empty, narrow);
    }

    [Fact]
    public async Task Items_selected_through_inline_fragments_are_projected_too()
    {
        var data = await _client.QueryAsync("{ courses(first: 5) { nodes { ... on Course { title partner { ... on Partner { name } } } } } }");

        Assert.All(data["courses"]!["nodes"]!.AsArray(), node =>
        {
            Assert.False(string.IsNullOrEmpty((string?)node!["title"]));
            Assert.False(string.IsNullOrEmpty((string?)node["partner"]!["name"]));
        });
    }
}

/// <summary>
/// Every field of every projected type, each asked on its own, so that only what that field declares is loaded: a
/// resolver that reads a member its field does not declare then sees a default value and answers differently from
/// the fully loaded object. The fields come from the schema itself, so a new field is checked without a new test.
/// </summary>
public sealed class ProjectionDeclarationTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly (string Connection, string TypeName)[] Connections =
        [("courses", "Course"), ("helpPoints", "HelpPoint"), ("partners", "Partner"), ("municipalities", "Municipality")];

    [Fact]
    public async Task Each_field_asked_alone_on_a_page_answers_as_on_the_fully_loaded_object()
    {
        // The coordinator sees the staff-only fields too.
        var client = api.CreateStaffClient(Digibank.Api.Staff.StaffRole.Coordinator);
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var checkedFields = 0;
        var differences = new List<string>();
        foreach (var (connection, typeName) in Connections)
        {
            var type = (IComplexGraphType)schema.AllTypes[typeName]!;
            var page = (await client.QueryAsync($"{{ {connection}(first: 20) {{ nodes {{ id }} }} }}"))[connection]!["nodes"]!.AsArray();
            var ids = page.Select(node => (string)node!["id"]!).ToArray();
            Assert.NotEmpty(ids);
            foreach (var selection in Selections(type, depth: 0))
            {
                var projected = (await client.QueryAsync($"{{ {connection}(first: 20) {{ nodes {{ id {selection} }} }} }}"))[connection]!["nodes"]!;
                var full = (await client.QueryAsync($"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on {typeName} {{ id {selection} }} }} }}", new { ids }))["nodes"]!;
                checkedFields++;
                if (projected.ToJsonString() != full.ToJsonString())
                    differences.Add($"{typeName}.{selection}");
            }
        }

        Assert.True(checkedFields > 60, $"only {checkedFields} fields were checked");
        Assert.Empty(differences);
    }

    /// <summary><c>field</c> for a leaf, <c>field { sub }</c> for each field of an object one level down.</summary>
    private static IEnumerable<string> Selections(IComplexGraphType type, int depth)
    {
        foreach (var field in type.Fields.Where(field => !field.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (field.Arguments?.Any(argument => argument.ResolvedType is NonNullGraphType && argument.DefaultValue is null) == true)
                continue;
            var named = field.ResolvedType!.GetNamedType();
            if (named is ScalarGraphType or EnumerationGraphType)
            {
                yield return field.Name;
            }
            else if (named is IComplexGraphType inner)
            {
                if (depth > 0)
                {
                    yield return $"{field.Name} {{ __typename }}";
                    continue;
                }

                foreach (var sub in Selections(inner, depth + 1))
                    yield return $"{field.Name} {{ {sub} }}";
            }
        }
    }
}
