namespace Digibank.Api.Notifications;

/// <summary>
/// What a template fills in; a value left out stays empty. Of these, only <see cref="FirstName"/> comes from the person
/// the message goes to (checked by <see cref="PersonName"/>); everything else is the platform's or the catalogue's.
/// </summary>
public sealed record MessageFacts(
    string? FirstName,
    string? CourseTitle = null,
    DateTime? When = null,
    string? Place = null,
    int? Position = null,
    string? Topic = null,
    string? Device = null,
    DateTime? Until = null,
    string? CancelLink = null,
    string? ConfirmLink = null,
    DateTime? Was = null,
    IReadOnlyList<DateTime>? Sessions = null);
