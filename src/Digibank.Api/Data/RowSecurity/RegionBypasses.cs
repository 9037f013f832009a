namespace Digibank.Api.Data.RowSecurity;

/// <summary>
/// The named bypasses of row-level security: the platform's own work that crosses regions, each in one place. The
/// database's policies accept exactly these names (<c>digibank_bypasses()</c>, from the migration
/// <c>RowLevelSecurity</c>): a new one needs a migration that names it too.
/// </summary>
public static class RegionBypasses
{
    /// <summary>The outbox dispatcher and its consumers (messages, the dashboard, the partners' sign-up feed).</summary>
    public const string Outbox = "outbox";

    /// <summary>The message sender: queued e-mails and texts of every region.</summary>
    public const string Messages = "messages";

    /// <summary>The reminders before a course or a loan's return, and reservations left uncollected.</summary>
    public const string Reminders = "reminders";

    /// <summary>The retention sweep: personal data past its term, in every region.</summary>
    public const string Retention = "retention";

    /// <summary>A partner's gRPC calls: its sign-ups, its offers and their withdrawals, in the regions it publishes in.</summary>
    public const string PartnerSync = "partner-sync";

    /// <summary>A resident's signed link: the token names the participant, whatever their region.</summary>
    public const string SelfService = "self-service";

    /// <summary>The demo region's seed, into an empty database at start-up.</summary>
    public const string Seed = "seed";

    /// <summary>The admin's overview and report of every region's reach figures: counts per region, never anyone's details.</summary>
    public const string Overview = "overview";

    /// <summary>Not a bypass: the catalogue's counts over sign-ups, loans and reservations, never anyone's details.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Every bypass the policies accept (<see cref="Catalogue"/> is not one).</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Outbox, Messages, Reminders, Retention, PartnerSync, SelfService, Seed, Overview,
    };
}
