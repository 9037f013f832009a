namespace Digibank.Plugins;

/// <summary>One course as the partner offers it. The platform identifies it by (partner, <see cref="ExternalId"/>).</summary>
public sealed record CourseOffer
{
    /// <summary>The partner's own, stable id of the course, e.g. <c>LIGO-2026-0412</c>.</summary>
    public required string ExternalId { get; init; }

    /// <summary>Title as residents see it, at most 200 characters.</summary>
    public required string Title { get; init; }

    /// <summary>What the course is about, in plain language.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>Topic codes such as <c>tax-on-web</c>, <c>itsme</c>, <c>smartphone-basics</c>; unknown codes are reported back.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Target groups: <c>EVERYONE</c>, <c>SENIORS</c>, <c>PARENTS</c>, <c>JOB_SEEKERS</c>, <c>LOW_INCOME</c>, <c>LOW_LITERACY</c>, <c>NEWCOMERS</c>.</summary>
    public IReadOnlyList<string> TargetGroups { get; init; } = [];

    /// <summary><c>BEGINNER</c>, <c>INTERMEDIATE</c> or <c>ADVANCED</c>.</summary>
    public string Level { get; init; } = "BEGINNER";

    /// <summary><c>DUTCH</c>, <c>PLAIN_DUTCH</c>, <c>FRENCH</c> or <c>ENGLISH</c>.</summary>
    public string Language { get; init; } = "DUTCH";

    /// <summary>Name of the help point where the course takes place, e.g. <c>Bibliotheek Poperinge</c>; or leave empty and give a venue.</summary>
    public string? HelpPointName { get; init; }

    /// <summary>Venue name when the course is not at a help point.</summary>
    public string? VenueName { get; init; }

    /// <summary>Street and number of the venue.</summary>
    public string? VenueStreet { get; init; }

    /// <summary>The town (Poperinge, Heuvelland, Mesen or Vleteren); taken from the help point when one is named.</summary>
    public string? Municipality { get; init; }

    /// <summary>Number of seats, 1 to 500.</summary>
    public int Capacity { get; init; }

    /// <summary>Price in euro cents; 0 is free.</summary>
    public int PriceCents { get; init; }

    /// <summary>Reduced tariff in euro cents, if any.</summary>
    public int? ReducedPriceCents { get; init; }

    /// <summary>Last moment to sign up, in UTC.</summary>
    public DateTime? SignUpDeadline { get; init; }

    /// <summary>True when the partner cancelled the course; it stays visible as cancelled.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Whether the venue can be reached with a wheelchair.</summary>
    public bool WheelchairAccessible { get; init; }

    /// <summary>Practical notes on access: entrance, lift, hearing loop.</summary>
    public string? AccessibilityNotes { get; init; }

    /// <summary>The sessions, at least one.</summary>
    public IReadOnlyList<SessionOffer> Sessions { get; init; } = [];
}

/// <summary>One meeting of a course, in UTC.</summary>
/// <param name="StartsAt">Start, in UTC.</param>
/// <param name="EndsAt">End, in UTC; after the start.</param>
/// <param name="Room">Room or place in the venue, if useful.</param>
public sealed record SessionOffer(DateTime StartsAt, DateTime EndsAt, string? Room = null);

/// <summary>A sign-up the partner took in its own system.</summary>
/// <param name="ExternalId">The partner's own, stable id of the sign-up.</param>
/// <param name="CourseExternalId">The partner's id of the course.</param>
/// <param name="FirstName">The person's first name.</param>
/// <param name="Email">An e-mail address, or null.</param>
/// <param name="Phone">A phone number, or null.</param>
/// <param name="Municipality">The town the person lives in.</param>
/// <param name="TargetGroup">One of the target groups of <see cref="CourseOffer.TargetGroups"/>.</param>
/// <param name="Cancelled">True when the person cancelled with the partner.</param>
public sealed record SignUpRecord(
    string ExternalId,
    string CourseExternalId,
    string FirstName,
    string? Email,
    string? Phone,
    string Municipality,
    string TargetGroup,
    bool Cancelled = false);

/// <summary>A sign-up made or changed on the platform for one of the partner's courses, or an erasure notice (<see cref="Erased"/>).</summary>
/// <param name="SignUpId">The platform's id of the sign-up.</param>
/// <param name="CourseExternalId">The partner's id of the course.</param>
/// <param name="Status"><c>CONFIRMED</c>, <c>WAITLISTED</c>, <c>CANCELLED</c>, <c>ATTENDED</c> or <c>NO_SHOW</c>.</param>
/// <param name="WaitlistPosition">Place on the waiting list, or null.</param>
/// <param name="FirstName">The person's first name; null once the person's data is erased.</param>
/// <param name="Email">The person's e-mail address, or null.</param>
/// <param name="Phone">The person's phone number, or null.</param>
/// <param name="ChangedAt">When the change happened, in UTC.</param>
public sealed record SignUpChange(
    string SignUpId,
    string CourseExternalId,
    string Status,
    int? WaitlistPosition,
    string? FirstName,
    string? Email,
    string? Phone,
    DateTime ChangedAt)
{
    /// <summary>
    /// An erasure notice: the person of this sign-up has been erased from the platform, at their request or after the
    /// retention period. The plug-in must remove their name and contact from everything it wrote for
    /// <see cref="SignUpId"/> before (outbox files, records in the partner's system), keeping what is not personal,
    /// such as the sign-up and its status, and must keep no copy elsewhere. <see cref="FirstName"/>,
    /// <see cref="Email"/> and <see cref="Phone"/> are null. The platform sends one for each of the person's sign-ups on
    /// the partner's courses that were made on the platform or that it passed on; any later change of such a sign-up
    /// has it too, so handling it more than once must do no harm.
    /// </summary>
    public bool Erased { get; init; }
}
