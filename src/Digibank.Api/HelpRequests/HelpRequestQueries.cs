using Digibank.Api.Data;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestQueries
{
    public const string NotFound = "NOT_FOUND";

    public static void AddHelpRequestQueries(this ObjectGraphType query)
    {
        query.PagedField<HelpRequestType, HelpRequest>("helpRequests", context =>
            {
                var caller = context.RequireStaffOrDigibuddy();
                var helpPointId = context.GetArgument<string?>("helpPointId") is { } globalId ? GlobalId.DecodeFor(HelpPointType.TypeName, globalId) : (int?)null;
                if (helpPointId is not null && !caller.IsDigibuddy)
                {
                    context.RequireStaffFor(helpPointId);
                }

                var status = context.GetArgument<HelpRequestStatus?>("status");
                return db =>
                {
                    var requests = db.HelpRequests.VisibleTo(caller);
                    requests = helpPointId is { } pointId ? requests.Where(h => h.HelpPointId == pointId) : requests;
                    requests = status is { } wanted ? requests.Where(h => h.Status == wanted) : requests;
                    return requests.OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id);
                };
            })
            .Description("Help requests, newest first. Staff see those of their help points, a digibuddy those assigned to them, the coordinator all of their region.")
            .Argument<IdGraphType>("helpPointId", "Only the requests of this help point.")
            .Argument<EnumerationGraphType<HelpRequestStatus>>("status", "Only the requests with this status.");

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HelpRequestMatchType>>>>("helpRequestMatches")
            .Description("Active digibuddies who help with the request's topic, best first: those in the request's town, then the least busy.")
            .Argument<NonNullGraphType<IdGraphType>>("helpRequestId")
            .ResolveAsync(async context =>
            {
                var helpRequestId = GlobalId.DecodeFor(HelpRequestType.TypeName, context.GetArgument<string>("helpRequestId"));
                context.RequireStaff();
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var request = await db.HelpRequests.SingleOrDefaultAsync(h => h.Id == helpRequestId, context.CancellationToken)
                    ?? throw new ExecutionError("There is no such help request.") { Code = NotFound };
                context.RequireStaffFor(request.HelpPointId, request.RegionId);
                return await HelpRequestMatch.ForAsync(db, request, context.CancellationToken);
            });
    }
}
