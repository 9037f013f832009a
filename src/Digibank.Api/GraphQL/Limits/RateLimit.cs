namespace Digibank.Api.GraphQL.Limits;

public sealed class RateLimit
{
    public bool Enabled { get; set; }

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
