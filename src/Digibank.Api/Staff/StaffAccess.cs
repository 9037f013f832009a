using GraphQL;

namespace Digibank.Api.Staff;

/// <summary>
/// Who is asking, for resolvers. Anonymous callers get the public catalogue and public mutations only; a digibuddy
/// gets what anyone gets, and the help requests assigned to them.
/// </summary>
public static class StaffAccess
{
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public const string OnlyAssignedRequests = "A digibuddy's token reaches only the help requests assigned to them.";

    public const string AdminActsForNoRegion = "The admin manages the regions; a staff member or coordinator of the region does this.";

    /// <summary>
    /// The staff member or coordinator behind the request; null for residents, for digibuddies and for the admin, so
    /// that every check built on it keeps digibuddies out unless it lets them in by <see cref="StaffOrDigibuddy"/>, and
    /// the admin, who works for no region, out of every region's work.
    /// </summary>
    public static StaffUser? Staff(this IResolveFieldContext context) => context.StaffOrDigibuddy() is { IsDigibuddy: false, IsAdmin: false } staff ? staff : null;

    /// <summary>
    /// Whoever signed in, digibuddies included: for the help-request fields that let the assigned digibuddy in, and for
    /// the public mutations, which refuse a digibuddy rather than take them for a resident.
    /// </summary>
    public static StaffUser? StaffOrDigibuddy(this IResolveFieldContext context) => StaffUser.From(context.User);

    /// <summary>The staff member behind the request; an <c>AUTH_NOT_AUTHENTICATED</c> error for residents, <c>AUTH_NOT_AUTHORIZED</c> for digibuddies.</summary>
    public static StaffUser RequireStaff(this IResolveFieldContext context) =>
        context.Staff() ?? throw (context.StaffOrDigibuddy() switch
        {
            null => SignInFirst(),
            { IsAdmin: true } => new ExecutionError(AdminActsForNoRegion) { Code = NotAuthorized },
            _ => new ExecutionError(OnlyAssignedRequests) { Code = NotAuthorized },
        });

    /// <summary>The staff member or digibuddy behind the request, or an <c>AUTH_NOT_AUTHENTICATED</c> error.</summary>
    public static StaffUser RequireStaffOrDigibuddy(this IResolveFieldContext context) => context.StaffOrDigibuddy() ?? throw SignInFirst();

    public static StaffUser RequireCoordinator(this IResolveFieldContext context)
    {
        var staff = context.RequireStaff();
        return staff.IsCoordinator
            ? staff
            : throw new ExecutionError("Only the regional coordinator may do this.") { Code = NotAuthorized };
    }

    /// <summary>The admin behind the request, or an error for anyone else.</summary>
    public static StaffUser RequireAdmin(this IResolveFieldContext context) =>
        context.StaffOrDigibuddy() is { IsAdmin: true } admin
            ? admin
            : throw (context.StaffOrDigibuddy() is null ? SignInFirst() : new ExecutionError("Only the admin may do this.") { Code = NotAuthorized });

    /// <summary>
    /// The staff member who may act for <paramref name="helpPointId"/> in <paramref name="regionId"/> (by default the help
    /// point's own region), or an <c>AUTH_NOT_AUTHORIZED</c> error: another help point, or another region.
    /// </summary>
    public static StaffUser RequireStaffFor(this IResolveFieldContext context, int? helpPointId, int? regionId = null)
    {
        var staff = context.RequireStaff();
        return staff.CanActFor(helpPointId, regionId ?? context.RegionOfHelpPoint(helpPointId))
            ? staff
            : throw new ExecutionError("This belongs to a help point you do not work at.") { Code = NotAuthorized };
    }

    /// <summary>The region of a help point, for the checks above; null when there is no such help point.</summary>
    public static int? RegionOfHelpPoint(this IResolveFieldContext context, int? helpPointId) =>
        helpPointId is { } id ? context.RequestServices!.GetRequiredService<IPlaceRegions>().OfHelpPoint(id) : null;

    private static ExecutionError SignInFirst() => new("Sign in with a staff token to do this.") { Code = NotAuthenticated };
}
