namespace Digibank.Api.Courses;

/// <summary>The cancelled sign-up, and the waiting-list sign-up that got the freed seat, if any.</summary>
public sealed record CancelledSignUp(SignUp SignUp, SignUp? Promoted);
