namespace Digibank.Api.DemoRegion;

public sealed class DemoRegionOptions
{
    public const string Section = "DemoRegion";

    /// <summary>Seed the demo region into an empty database at start-up. Switch off with <c>--DemoRegion:Seed=false</c>.</summary>
    public bool Seed { get; set; } = true;
}
