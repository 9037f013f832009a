namespace Digibank.Api.GraphQL.Filtering;

public interface IFilter
{
    FilterSize Size { get; }
}
