using Digibank.Api.Staff;

namespace Digibank.Api.Partners;

/// <summary>Register the operations of a partner site, each exactly as the site sends it, in the set named like its folder.</summary>
public sealed record RegisterTrustedDocuments(string Set, IReadOnlyList<string> Documents, StaffUser Staff);
