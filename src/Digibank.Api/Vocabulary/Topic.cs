namespace Digibank.Api.Vocabulary;

/// <summary>A subject such as tax-on-web, itsme or Smartschool; courses and help requests share them.</summary>
public sealed class Topic : IEntity
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name
    {
        get;
        set
        {
            field = value;
            NameKey = TextKey.Fold(value);
        }
    }

    public string NameKey { get; private set; } = string.Empty;
}
