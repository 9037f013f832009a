using System.Globalization;

namespace Digibank.Api.Vocabulary;

/// <summary>
/// A person's first name as residents, staff and partners give it: letters of any script, with spaces, apostrophes,
/// hyphens and dots between them (Anne-Marie, D'Hondt, J.P., Zoë, محمد). No digits, no e-mail or web address, no
/// other signs, no line breaks and at most four words: a name only greets its person in a Digibank message, and
/// cannot carry anyone's words to them.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 50;

    public const int MaxWords = 4;

    public const string Rule = "letters, spaces, apostrophes, hyphens and dots only (no digits, e-mail or web addresses, or other signs), at most four words";

    /// <summary>The name with single spaces, or null when it breaks <see cref="Rule"/>.</summary>
    public static string? Normalise(string? name)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var normalised = string.Join(' ', words);
        if (words.Length is 0 or > MaxWords || normalised.Length > MaxLength || !normalised.Any(char.IsLetter))
        {
            return null;
        }

        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            if (c == '.' && LooksLikeAnAddress(normalised, i))
            {
                return null;
            }

            if (!char.IsLetter(c) && !IsMark(c) && c is not (' ' or '.' or '-' or '\u2010' or '\u2011' or '\'' or '\u2019' or '\u02BC'))
            {
                return null;
            }
        }

        return normalised;
    }

    // "evil.example", "bit.ly": two letters or more on both sides of a dot. Initials ("J.P.") and "Ma. Teresa" stay.
    private static bool LooksLikeAnAddress(string name, int dot)
    {
        var before = 0;
        for (var i = dot - 1; i >= 0 && char.IsLetter(name[i]); i--)
        {
            before++;
        }

        var after = 0;
        for (var i = dot + 1; i < name.Length && char.IsLetter(name[i]); i++)
        {
            after++;
        }

        return before >= 2 && after >= 2;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
