using GraphQL;

namespace Digibank.Api.Staff;

/// <summary>Who is asking, for resolvers. Anonymous callers get the public catalogue and public mutations only.</summary>
public static class StaffAccess
{
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public static StaffUser? Staff(this IResolveFieldContext context) => StaffUser.From(context.User);

    /// <summary>The staff member behind the request, or an <c>AUTH_NOT_AUTHENTICATED</c> error.</summary>
    public static StaffUser RequireStaff(this IResolveFieldContext context) =>
        context.Staff() ?? throw new ExecutionError("Sign in with a staff token to do this.") { Code = NotAuthenticated };

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
}
