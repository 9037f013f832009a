namespace Digibank.Api.Tests;

/// <summary>
/// Tests that start the API as processes of their own, or fill the database with a province's catalogue, run after the
/// others and on their own: they take both cores, and tests beside them that judge what happens in the meantime (a
/// resident's sign-up between a partner's batches) would be judging the machine instead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
