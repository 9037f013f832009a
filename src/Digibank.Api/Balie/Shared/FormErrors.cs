namespace Digibank.Api.Balie.Shared;

/// <summary>
/// What went wrong with a form, in Dutch: per field (shown next to it) and for the form as a whole. A page fills it
/// from its own checks and from the feature service's refusal (<see cref="Add(UserError, string)"/>).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _general = [];

    public bool Any => _fields.Count > 0 || _general.Count > 0;

    public IReadOnlyDictionary<string, string> Fields => _fields;

    public IReadOnlyList<string> General => _general;

    /// <summary>The field's error, or null; the field is the id of its input.</summary>
    public string? For(string field) => _fields.GetValueOrDefault(field);

    public void Field(string field, string message) => _fields.TryAdd(field, message);

    public void Form(string message) => _general.Add(message);

    /// <summary>
    /// A feature service's refusal, said in Dutch: <paramref name="dutch"/> is the page's text for it. An invalid value
    /// goes next to its field when the page has one by that name.
    /// </summary>
    public void Add(UserError error, string dutch)
    {
        if (error is InvalidInputError invalid)
        {
            Field(invalid.Field, dutch);
            return;
        }

        Form(dutch);
    }
}
