using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>A partner's upload of offers, read to its end and checked: what <see cref="OfferImport"/> applies.</summary>
public sealed record CheckedOfferUpload(UploadHeader Header, IReadOnlyList<ValidOffer> Offers, IReadOnlyList<string> Removals, OfferChecker Checker)
{
    /// <summary>The external ids the upload names, valid or not: a snapshot withdraws the partner's other courses.</summary>
    public HashSet<string> Listed() =>
        new(Offers.Select(offer => offer.ExternalId).Concat(Checker.Rejected.Select(rejected => rejected.ExternalId)), StringComparer.Ordinal);
}
