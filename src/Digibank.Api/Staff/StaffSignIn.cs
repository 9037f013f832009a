using System.Security.Claims;

namespace Digibank.Api.Staff;

/// <summary>What an <c>Authorization</c> value signs in: nobody (no credential), a staff member until <see cref="ExpiresAt"/>, or a refusal.</summary>
public sealed record StaffSignIn(ClaimsPrincipal? User, DateTime ExpiresAt, bool IsRefused)
{
    public static readonly StaffSignIn Nobody = new(null, DateTime.MaxValue, IsRefused: false);

    public static readonly StaffSignIn Refused = new(null, DateTime.MinValue, IsRefused: true);
}
