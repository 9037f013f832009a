namespace Digibank.Api.Sync;

/// <summary>A partner's withdrawal that waits: since when, how many courses it would take, of how many.</summary>
public sealed record HeldWithdrawal(int PartnerId, string PartnerName, DateTime HeldAt, int CoursesToWithdraw, int ActiveCourses);
