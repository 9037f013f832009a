using Digibank.Api.Data;
using Digibank.Api.Hosting;
using Digibank.Api.Partners;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>The partner behind a gRPC call, recognised by the key in <c>authorization: Bearer …</c>.</summary>
public sealed record PartnerCaller(int PartnerId, string PartnerCode)
{
    public static async Task<PartnerCaller> AuthenticateAsync(ServerCallContext call, IDbContextFactory<DigibankDbContext> factory)
    {
        if (BearerTokens.From(call.RequestHeaders.GetValue("authorization")) is not { Length: > 0 } key)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Send the partner key as 'authorization: Bearer <key>'."));
        }

        var hash = PartnerKey.Hash(key);
        await using var db = await factory.CreateDbContextAsync(call.CancellationToken);
        var partner = await db.PartnerKeys
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new PartnerCaller(k.PartnerId, k.Partner!.Code))
            .SingleOrDefaultAsync(call.CancellationToken);
        return partner ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This partner key is unknown or revoked."));
    }

    /// <summary>A partner may only name itself; anything else is someone else's data.</summary>
    public void RequireSelf(string partnerCode)
    {
        if (!string.Equals(partnerCode, PartnerCode, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"This key belongs to partner '{PartnerCode}', not to '{partnerCode}'."));
        }
    }
}
