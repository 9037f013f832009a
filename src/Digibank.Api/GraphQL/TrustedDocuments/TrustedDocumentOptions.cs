namespace Digibank.Api.GraphQL.TrustedDocuments;

public sealed class TrustedDocumentOptions
{
    public const string Section = "TrustedDocuments";

    /// <summary>
    /// The folder of the partner sites' operations: one subfolder per site, with one <c>.graphql</c> file per
    /// operation, or a <c>.json</c> manifest mapping ids to documents. Relative paths start at the content root.
    /// </summary>
    public string Folder { get; set; } = "trusted-documents";

    /// <summary>Anonymous callers may only run trusted documents: a public deployment then answers no query a partner did not register.</summary>
    public bool AnonymousOnly { get; set; }

    /// <summary>How long a browser or CDN may keep an anonymous GET of a trusted query (<c>Cache-Control: public, max-age</c>).</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an id that is not in the database is answered as unknown without asking again. A site sending an
    /// operation nobody registered then costs no query per request; another instance's registration is seen after this.
    /// </summary>
    public TimeSpan RecheckUnknownAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ids remembered as unknown at most; past that, each is looked up again.</summary>
    public int MaxUnknownDocuments { get; set; } = 10_000;

    /// <summary>Documents that clients registered with Apollo's automatic persisted queries, kept in memory at most.</summary>
    public int MaxAutomaticDocuments { get; set; } = 1000;
}
