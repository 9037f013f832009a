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

    /// <summary>
    /// The staff member or coordinator behind the request; null for residents and for digibuddies, so that every
    /// check built on it keeps digibuddies out unless it lets them in by <see cref="StaffOrDigibuddy"/>.
    /// </summary>
    public static StaffUser? Staff(this IResolveFieldContext context) => context.StaffOrDigibuddy() is { IsDigibuddy: false } staff ? staff : null;

    /// <summary>
    /// Whoever signed in, digibuddies included: for the help-request fields that let the assigned digibuddy in, and for
    /// the public mutations, which refuse a digibuddy rather than take them for a resident.
    /// </summary>
    public static StaffUser? StaffOrDigibuddy(this IResolveFieldContext context) => StaffUser.From(context.User);

    /// <summary>The staff member behind the request; an <c>AUTH_NOT_AUTHENTICATED</c> error for residents, <c>AUTH_NOT_AUTHORIZED</c> for digibuddies.</summary>
    public static StaffUser RequireStaff(this IResolveFieldContext context) =>
        context.Staff() ?? throw (context.StaffOrDigibuddy() is null ? SignInFirst() : new ExecutionError(OnlyAssignedRequests) { Code = NotAuthorized });

    /// <summary>The staff member or digibuddy behind the request, or an <c>AUTH_NOT_AUTHENTICATED</c> error.</summary>
    public static StaffUser RequireStaffOrDigibuddy(this IResolveFieldContext context) => context.StaffOrDigibuddy() ?? throw SignInFirst();

    public static StaffUser RequireCoordinator(this IResolveFieldContext context)
    {
        var staff = context.RequireStaff();
        return staff.IsCoordinator
            ? staff
            : throw new ExecutionError("Only the regional coordinator may do this.") { Code = NotAuthorized };
    }

    public static StaffUser RequireStaffFor(this IResolveFieldContext context, int? helpPointId)
    {
        var staff = context.RequireStaff();
        return staff.CanActFor(helpPointId)
            ? staff
            : throw new ExecutionError("This belongs to a help point you do not work at.") { Code = NotAuthorized };
    }

    private static ExecutionError SignInFirst() => new("Sign in with a staff token to do this.") { Code = NotAuthenticated };
}
