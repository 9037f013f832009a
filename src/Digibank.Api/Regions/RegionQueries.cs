using Digibank.Api.Data;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Regions;

/// <summary>The regions, for anyone: what they are called and which towns they hold. Changing them is the admin's.</summary>
public static class RegionQueries
{
    public static IServiceCollection AddRegionNodes(this IServiceCollection services) =>
        services.AddNodeSource(RegionType.TypeName, db => db.Regions);

    public static void AddRegionQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions")
            .Description("Every Digibank of the deployment, by name.")
            .ResolveAsync(async context =>
            {
                await using var db = await CreateDbContextAsync(context);
                return await db.Regions.OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(context.CancellationToken);
            });

        query.Field<RegionType>("region")
            .Description("The Digibank with this code, e.g. `poperinge`; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async context =>
            {
                var code = context.GetArgument<string>("code").Trim().ToLowerInvariant();
                await using var db = await CreateDbContextAsync(context);
                return await db.Regions.SingleOrDefaultAsync(r => r.Code == code, context.CancellationToken);
            });
    }

    public static void AddRegionMutations(this ObjectGraphType mutation)
    {
        mutation.StaffMutation<CreateRegionInput, Region>("createRegion", CreateAsync,
            "The admin adds a Digibank with its towns. Then `nameRegionCoordinator` names its first coordinator.",
            payload: "The new region.",
            typeof(RegionCodeTakenError), typeof(MunicipalityInRegionError));
        mutation.StaffMutation<UpdateRegionInput, Region>("updateRegion", UpdateAsync,
            "The admin renames a region or changes its small-group threshold.",
            payload: "The region as it is now.");
        mutation.StaffMutation<NameRegionCoordinatorInput, RegionCoordinator>("nameRegionCoordinator", NameCoordinatorAsync,
            "The admin names a coordinator of a region; `--mint-token coordinator --name … --region <code>` then gives them their token. " +
            "Naming the same address again changes the name.",
            payload: "The coordinator.");
    }

    private static async Task<Result<Region>> CreateAsync(MutationCall<CreateRegionInput> call, StaffUser staff)
    {
        if (RegionRegistry.Refusal(staff) is { } refusal)
        {
            return refusal;
        }

        var (input, now, cancellationToken) = call;
        var command = RegionRegistry.Check(call.Rules, new CreateRegion(
            input.Code, input.Name, input.Municipalities, input.SmallGroupThreshold ?? Region.DefaultSmallGroupThreshold, staff));
        var created = await new RegionRegistry(await call.BeginAsync(), now).CreateAsync(command, cancellationToken);
        // New towns: every instance looks a place it does not know up by itself, this one forgets what it read.
        call.AfterCommit(() => call.Service<IPlaceRegions>().Forget());
        return created;
    }

    private static async Task<Result<Region>> UpdateAsync(MutationCall<UpdateRegionInput> call, StaffUser staff)
    {
        if (RegionRegistry.Refusal(staff) is { } refusal)
        {
            return refusal;
        }

        var (input, now, cancellationToken) = call;
        var regionId = call.Rules.Id(nameof(input.RegionId), RegionType.TypeName, input.RegionId);
        var command = RegionRegistry.Check(call.Rules, new UpdateRegion(regionId, input.Name, input.SmallGroupThreshold, staff));
        return await new RegionRegistry(await call.BeginAsync(), now).UpdateAsync(command, cancellationToken);
    }

    private static async Task<Result<RegionCoordinator>> NameCoordinatorAsync(MutationCall<NameRegionCoordinatorInput> call, StaffUser staff)
    {
        if (RegionRegistry.Refusal(staff) is { } refusal)
        {
            return refusal;
        }

        var (input, now, cancellationToken) = call;
        var regionId = call.Rules.Id(nameof(input.RegionId), RegionType.TypeName, input.RegionId);
        var command = RegionRegistry.Check(call.Rules, new NameRegionCoordinator(regionId, input.Name, input.Email, staff));
        return await new RegionRegistry(await call.BeginAsync(), now).NameCoordinatorAsync(command, cancellationToken);
    }

    private static Task<DigibankDbContext> CreateDbContextAsync(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(context.CancellationToken);
}
