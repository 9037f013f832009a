using Digibank.Api.Partners;

namespace Digibank.Api.Sync;

/// <summary>The partner and how many of its courses were withdrawn.</summary>
public sealed record ConfirmedWithdrawal(Partner Partner, int Withdrawn);
