namespace Digibank.Api.Vocabulary;

/// <summary>Every stored row has an integer key; paging uses it as the final tie-breaker.</summary>
public interface IEntity
{
    int Id { get; }
}
