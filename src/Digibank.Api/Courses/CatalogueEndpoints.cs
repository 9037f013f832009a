using Digibank.Api.Data;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// A plain JSON view of the first page of the catalogue, for sites that cannot speak GraphQL.
/// It returns the same rows as the <c>courses</c> query and is the baseline of the catalogue benchmark.
/// </summary>
public static class CatalogueEndpoints
{
    public static IEndpointConventionBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/courses", async (IDbContextFactory<DigibankDbContext> factory, int? first, CancellationToken cancellationToken) =>
        {
            var take = Math.Clamp(first ?? Pager.DefaultPageSize, 0, Pager.MaxPageSize);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var rows = await db.Courses
                .Where(c => c.Status != CourseStatus.Withdrawn)
                .OrderBy(c => c.StartsAt).ThenBy(c => c.Id)
                .Take(take)
                .Select(c => new
                {
                    c.Id,
                    c.Title,
                    c.StartsAt,
                    Partner = new { c.Partner!.Id, c.Partner.Name },
                    Location = new
                    {
                        Name = c.VenueName ?? c.HelpPoint!.Name,
                        Street = c.VenueStreet ?? c.HelpPoint!.Street,
                        Municipality = c.Municipality!.Name,
                    },
                })
                .ToListAsync(cancellationToken);
            return Results.Ok(rows.Select(c => new CatalogueCourse(
                GlobalId.Encode(CourseType.TypeName, c.Id),
                c.Title,
                c.StartsAt,
                new CataloguePartner(GlobalId.Encode(Partners.PartnerType.TypeName, c.Partner.Id), c.Partner.Name),
                new CatalogueLocation(c.Location.Name, c.Location.Street, c.Location.Municipality))));
        });

    public sealed record CatalogueCourse(string Id, string Title, DateTime? StartsAt, CataloguePartner Partner, CatalogueLocation Location);

    public sealed record CataloguePartner(string Id, string Name);

    public sealed record CatalogueLocation(string Name, string? Street, string Municipality);
}
