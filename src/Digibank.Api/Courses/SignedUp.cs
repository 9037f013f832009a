namespace Digibank.Api.Courses;

/// <summary>The new sign-up and the token to cancel it with, which is stored only as a hash.</summary>
public sealed record SignedUp(SignUp SignUp, string CancellationToken);
