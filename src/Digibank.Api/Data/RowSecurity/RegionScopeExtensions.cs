namespace Digibank.Api.Data.RowSecurity;

public static class RegionScopeExtensions
{
    /// <summary>
    /// Runs every HTTP request in the catalogue's scope (counts, no one's details); what knows the caller narrows it:
    /// the GraphQL execution to a staff member's region, a partner's gRPC call and a resident's signed link to their bypass.
    /// </summary>
    public static WebApplication UseCatalogueScope(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using var scope = RegionScope.Catalogue();
            await next(context);
        });
        return app;
    }
}
