using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Partners;

/// <summary>The rules of registering a partner site's operations, called directly rather than through the mutation.</summary>
public sealed class TrustedDocumentRegistryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly StaffUser Coordinator = new("coordinator", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, new HashSet<int>(), null);

    [Fact]
    public async Task A_document_that_does_not_validate_is_named_and_only_the_coordinator_registers()
    {
        const string Towns = "query Towns { municipalities { nodes { name } } }";
        const string Wrong = "query Wrong { municipalities { nodes { mayor } } }";
        var storage = new TrustedDocumentStorage(api.Services.GetRequiredService<TrustedDocumentValidator>());
        var registry = new TrustedDocumentRegistry(storage, api.Clock.GetUtcNow().UtcDateTime);

        var rules = new InputRules();
        var refused = await registry.CheckAsync(new RegisterTrustedDocuments(" ligo-website ", [Towns, Wrong], Coordinator), rules, CancellationToken.None);
        var byStaff = await registry.CheckAsync(
            new RegisterTrustedDocuments("ligo-website", [Towns], new StaffUser("staff", "Els", StaffRole.Staff, Region.FirstRegionId, new HashSet<int> { 1 }, null)), new InputRules(), CancellationToken.None);

        var invalid = Assert.IsType<InvalidDocumentError>(Assert.Single(rules.Errors));
        Assert.Equal((1, TrustedDocument.IdOf(Wrong)), (invalid.Index, invalid.DocumentId));
        Assert.Contains("mayor", invalid.Message, StringComparison.Ordinal);
        Assert.Equal("ligo-website", refused.Value!.Set);
        Assert.IsType<NotAllowedError>(byStaff.Error);

        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var ids = await registry.RegisterAsync(db, refused.Value with { Documents = [Towns, Towns] }, CancellationToken.None);
        await db.SaveChangesAsync();
        Assert.Equal([TrustedDocument.IdOf(Towns), TrustedDocument.IdOf(Towns)], ids.Value);
        Assert.Equal(1, await db.TrustedDocuments.CountAsync(d => d.Id == TrustedDocument.IdOf(Towns)));
    }
}
