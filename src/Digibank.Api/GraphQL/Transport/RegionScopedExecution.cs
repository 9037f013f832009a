using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.DI;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Runs each GraphQL operation, over HTTP or a WebSocket, in the caller's <see cref="RegionScope"/>: a staff member's
/// (a digibuddy's too) is their token's region, for the whole operation; an anonymous caller and the admin, who acts
/// for no region, get the catalogue's counts and no one's details. A resident's mutation narrows its own context to
/// the place it acts on (<see cref="Data.DigibankDbContext.EnterRegion"/>).
/// </summary>
public sealed class RegionScopedExecution : IConfigureExecution
{
    // Before everything that may query.
    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var scope = StaffUser.From(options.User) is { RegionId: { } regionId } ? RegionScope.For(regionId) : RegionScope.Catalogue();
        return await next(options);
    }
}
