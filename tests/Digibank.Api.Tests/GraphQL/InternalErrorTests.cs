using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.GraphQL;

public sealed class InternalErrorTests
{
    [Fact]
    public async Task A_failing_database_gives_a_generic_error_and_the_server_keeps_answering()
    {
        await using var api = new DigibankApiFactory();
        var client = api.CreateGraphQLClient();
        await using (var db = api.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Partners RENAME TO PartnersElsewhere");
        }

        var broken = await client.PostAsync("{ partners { nodes { name } } }");
        var healthy = await client.PostAsync("{ municipalities { totalCount } }");

        Assert.Equal(HttpStatusCode.OK, broken.Status);
        Assert.Equal(["INTERNAL_SERVER_ERROR"], broken.ErrorCodes);
        var body = broken.Body!.ToJsonString();
        Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PartnersElsewhere", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.Equal(4, (int)healthy.Data!["municipalities"]!["totalCount"]!);
    }
}
