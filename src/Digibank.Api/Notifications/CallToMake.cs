namespace Digibank.Api.Notifications;

/// <summary>
/// A task on a help point's call list as the counter shows it: whom to call (first name and phone; both null once the
/// person is erased), why, the text to read out, and the last try when nobody answered.
/// </summary>
public sealed record CallToMake(
    int TaskId, string? FirstName, string? Phone, NotificationReason Reason, string? Script, CallOutcome Outcome, DateTime CreatedAt, DateTime? CalledAt, string? CalledBy);
