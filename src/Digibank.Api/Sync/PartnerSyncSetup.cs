using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Sync;

public static class PartnerSyncSetup
{
    public static WebApplicationBuilder AddPartnerSync(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PartnerSyncOptions>()
            .Bind(builder.Configuration.GetSection(PartnerSyncOptions.Section))
            .Validate(options => options.MassWithdrawalShare is >= 0 and <= 1, $"{PartnerSyncOptions.Section}:MassWithdrawalShare is a share between 0 and 1, e.g. 0.5 for half.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PartnerUploadLocks>();
        builder.Services.AddScoped<CounterWithdrawals>();
        builder.Services.AddOutboxConsumer<SignUpFeed>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<PartnerSyncScope>();
            // Room for a batch of 1,000 offers.
            grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        builder.Services.AddGrpcReflection();
        // gRPC health reports SERVING once the readiness checks (Hosting/Health.cs) pass; without a check it would say UNKNOWN.
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    public static WebApplication MapPartnerSync(this WebApplication app)
    {
        app.MapGrpcService<PartnerSyncService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
