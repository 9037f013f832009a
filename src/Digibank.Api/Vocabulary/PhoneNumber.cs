using System.Diagnostics.CodeAnalysis;

namespace Digibank.Api.Vocabulary;

/// <summary>
/// The one canonical form of a resident's phone number, used wherever one is stored or looked up, so the
/// same person is recognised however they type it: digits only, a Belgian number in its national form
/// ("0490 00 00 27", "0490/00.00.27", "+32 490 00 00 27" and "0032 (0)490 00 00 27" all become "0490000027"),
/// any other country as + and its country code ("0031 6 12 34 56 78" becomes "+31612345678").
/// </summary>
/// <remarks>The migration <c>NormalisePhoneNumbers</c> repeats this in SQL for numbers stored before; change both together.</remarks>
public static class PhoneNumber
{
    public const int MaxLength = 30;

    private const string Belgium = "32";

    /// <summary>False when <paramref name="text"/> is not a phone number: other characters than digits and the usual separators, or too few or too many digits.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? phone)
    {
        phone = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength
            || trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '/' or '.' or '-' or '(' or ')')))
        {
            return false;
        }

        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (digits.Length is < 9 or > 15)
        {
            return false;
        }

        var international = trimmed.StartsWith('+') ? digits
            : digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..]
            : null;
        phone = international is null ? digits
            : international.StartsWith(Belgium, StringComparison.Ordinal) ? "0" + WithoutTrunkZero(international[Belgium.Length..])
            : "+" + international;
        return true;
    }

    /// <summary>The canonical form of a number already known to be valid (seed data, stored rows); null stays null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Normalise(string? text) =>
        text is null ? null
        : TryNormalise(text, out var phone) ? phone
        // The number stays out of the message: an exception's message ends up in the error log.
        : throw new FormatException("A stored or seeded value is not a phone number.");

    /// <summary>A stored number in E.164, as SMS gateways take it: "0490000027" becomes "+32490000027"; "+31…" stays.</summary>
    public static string ToE164(string stored) =>
        stored.StartsWith('+') ? stored : $"+{Belgium}{WithoutTrunkZero(stored)}";

    // "+32 (0)490 …" is a common way to write it; the 0 belongs to the national form only.
    private static string WithoutTrunkZero(string number) => number.StartsWith('0') ? number[1..] : number;
}
