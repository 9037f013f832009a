using Digibank.Partners.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Digibank.Plugins.Host;

/// <summary>The one channel to the API's PartnerSync service; every call carries the partner's key.</summary>
internal sealed class PartnerSyncApi : IDisposable
{
    private readonly GrpcChannel _channel;

    public PartnerSyncApi(PluginHostOptions options)
    {
        if (options.ApiAddress.Scheme == Uri.UriSchemeHttp)
            AppContext.SetSwitch("System.Net.Http.SocketsHttpHandler.Http2UnencryptedSupport", true);
        _channel = GrpcChannel.ForAddress(options.ApiAddress);
        Client = new PartnerSync.PartnerSyncClient(_channel);
    }

    public PartnerSync.PartnerSyncClient Client { get; }

    public static Metadata Authorization(string key) => new() { { "authorization", $"Bearer {key}" } };

    public void Dispose() => _channel.Dispose();
}
