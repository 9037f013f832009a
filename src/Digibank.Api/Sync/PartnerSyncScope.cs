using Digibank.Api.Data.RowSecurity;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Digibank.Api.Sync;

/// <summary>
/// Runs every call of a partner's plug-in under the named bypass <see cref="RegionBypasses.PartnerSync"/>: a partner
/// publishes in several regions (<c>Partner.Regions</c>), and its sign-ups, offers and withdrawals land in the region of
/// each course's place, which the sync's own rules check.
/// </summary>
public sealed class PartnerSyncScope : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.PartnerSync);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.PartnerSync);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.PartnerSync);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.PartnerSync);
        await continuation(requestStream, responseStream, context);
    }
}
