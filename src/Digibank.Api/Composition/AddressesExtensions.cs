using Digibank.Api.GraphQL;

namespace Digibank.Api.Composition;

public static class AddressesExtensions
{
    /// <summary>Logs, once the server listens, which address serves what.</summary>
    public static void AnnounceAddressesWhenReady(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("Digibank is ready: {Addresses}", Addresses.Of(app).Describe()));

    /// <summary>A plain-text answer at <c>/</c> for someone who opens the server's address in a browser.</summary>
    public static void MapWelcome(this WebApplication app) =>
        app.MapGet("/", () => Results.Text($"Digibank regio Poperinge API. {Addresses.Of(app).Describe()}.\n" +
            $"Send GraphQL queries to {GraphQLSetup.Path} as POST with JSON, or GET for queries.\n"));
}
