using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digibank.Api.Participants;

public static class ParticipantSetup
{
    /// <summary>The people of a region at the counter. Safe to call from every feature that needs them: they are added once.</summary>
    public static IServiceCollection AddParticipants(this IServiceCollection services)
    {
        services.TryAddSingleton<CounterPeople>();
        return services;
    }
}
