namespace Digibank.Api.Participants;

/// <summary>One page of a search for people; <see cref="More"/> when more matched than fit on it.</summary>
public sealed record PeopleFound(IReadOnlyList<CounterPerson> People, bool More)
{
    public static readonly PeopleFound None = new([], false);
}
