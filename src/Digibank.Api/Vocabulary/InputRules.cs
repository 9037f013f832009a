using System.Net.Mail;

namespace Digibank.Api.Vocabulary;

/// <summary>
/// Checks on client input that every mutation and every partner's upload shares; each failure becomes an <see cref="InvalidInputError"/>
/// naming the input field as the client wrote it (<c>nameof(input.FirstName)</c> becomes <c>firstName</c>).
/// </summary>
public sealed class InputRules
{
    private readonly List<UserError> _errors = [];

    public IReadOnlyList<UserError> Errors => _errors;

    public bool Failed => _errors.Count > 0;

    /// <summary>Trimmed text, required or not, within a length; returns null for an empty optional value.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                Invalid(field, "`{0}` cannot be empty.");
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Invalid(field, $"`{{0}}` can be at most {maxLength} characters.");
            return null;
        }

        return trimmed;
    }

    /// <summary>A person's first name by <see cref="Vocabulary.PersonName"/>'s rule, with single spaces.</summary>
    public string? PersonName(string field, string? value)
    {
        var text = Text(field, value, Vocabulary.PersonName.MaxLength);
        if (text is null)
        {
            return null;
        }

        if (Vocabulary.PersonName.Normalise(text) is not { } name)
        {
            Invalid(field, $"`{{0}}` may hold {Vocabulary.PersonName.Rule}.");
            return null;
        }

        return name;
    }

    /// <summary>An e-mail address, stored in lower case so the same person is recognised again.</summary>
    public string? Email(string field, string? value)
    {
        var text = Text(field, value, 254, required: false);
        if (text is null)
        {
            return null;
        }

        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            Invalid(field, "`{0}` is not an e-mail address.");
            return null;
        }

        return EmailAddress.Normalise(text);
    }

    /// <summary>A Belgian or international phone number, in the one form it is stored and looked up in (<see cref="PhoneNumber"/>).</summary>
    public string? Phone(string field, string? value)
    {
        var text = Text(field, value, PhoneNumber.MaxLength, required: false);
        if (text is null)
        {
            return null;
        }

        if (!PhoneNumber.TryNormalise(text, out var phone))
        {
            Invalid(field, "`{0}` is not a phone number.");
            return null;
        }

        return phone;
    }

    /// <summary>A moment that must lie in the future.</summary>
    public DateTime Future(string field, DateTime value, DateTime now)
    {
        if (value <= now)
        {
            Invalid(field, "`{0}` must be in the future.");
        }

        return value;
    }

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            _errors.Add(new InvalidInputError(Camel(field), message));
        }
    }

    public void Add(UserError error) => _errors.Add(error);

    /// <summary>Refuses <paramref name="field"/>; <c>{0}</c> in the message stands for the field's name as the client wrote it.</summary>
    public void Invalid(string field, string messageFormat) =>
        _errors.Add(new InvalidInputError(Camel(field), string.Format(System.Globalization.CultureInfo.InvariantCulture, messageFormat, Camel(field))));

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
