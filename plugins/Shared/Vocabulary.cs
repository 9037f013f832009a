using System.Globalization;
using System.Text;

namespace Digibank.Plugins.Shared;

/// <summary>
/// The words partners use in their own systems, mapped to the platform's codes. Words the platform does not know are
/// passed on as they are, so the platform reports them back rather than the plug-in hiding them.
/// </summary>
internal static class Vocabulary
{
    private static readonly Dictionary<string, string> TargetGroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iedereen"] = "EVERYONE",
        ["alle"] = "EVERYONE",
        ["senioren"] = "SENIORS",
        ["ouderen"] = "SENIORS",
        ["65+"] = "SENIORS",
        ["ouders"] = "PARENTS",
        ["werkzoekenden"] = "JOB_SEEKERS",
        ["werkzoekende"] = "JOB_SEEKERS",
        ["laag inkomen"] = "LOW_INCOME",
        ["mensen in armoede"] = "LOW_INCOME",
        ["kansarmen"] = "LOW_INCOME",
        ["laaggeletterden"] = "LOW_LITERACY",
        ["laaggeletterd"] = "LOW_LITERACY",
        ["nieuwkomers"] = "NEWCOMERS",
        ["anderstaligen"] = "NEWCOMERS",
        ["nt2"] = "NEWCOMERS",
    };

    private static readonly Dictionary<string, string> LevelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["beginner"] = "BEGINNER",
        ["beginners"] = "BEGINNER",
        ["basis"] = "BEGINNER",
        ["starter"] = "BEGINNER",
        ["vervolg"] = "INTERMEDIATE",
        ["gemiddeld"] = "INTERMEDIATE",
        ["halfgevorderd"] = "INTERMEDIATE",
        ["intermediate"] = "INTERMEDIATE",
        ["gevorderd"] = "ADVANCED",
        ["gevorderden"] = "ADVANCED",
        ["advanced"] = "ADVANCED",
    };

    private static readonly Dictionary<string, string> LanguageWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nederlands"] = "DUTCH",
        ["nl"] = "DUTCH",
        ["nl-be"] = "DUTCH",
        ["dutch"] = "DUTCH",
        ["duidelijke taal"] = "PLAIN_DUTCH",
        ["eenvoudige taal"] = "PLAIN_DUTCH",
        ["eenvoudig nederlands"] = "PLAIN_DUTCH",
        ["klare taal"] = "PLAIN_DUTCH",
        ["nl-eenvoudig"] = "PLAIN_DUTCH",
        ["plain dutch"] = "PLAIN_DUTCH",
        ["frans"] = "FRENCH",
        ["fr"] = "FRENCH",
        ["french"] = "FRENCH",
        ["engels"] = "ENGLISH",
        ["en"] = "ENGLISH",
        ["english"] = "ENGLISH",
    };

    /// <summary>Sections (deelgemeenten) of the four towns, for partners that record where someone lives by village.</summary>
    private static readonly Dictionary<string, string> TownOfSection = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Poperinge"] = "Poperinge", ["Reningelst"] = "Poperinge", ["Krombeke"] = "Poperinge", ["Proven"] = "Poperinge",
        ["Roesbrugge-Haringe"] = "Poperinge", ["Roesbrugge"] = "Poperinge", ["Haringe"] = "Poperinge", ["Watou"] = "Poperinge",
        ["Heuvelland"] = "Heuvelland", ["De Klijte"] = "Heuvelland", ["Dranouter"] = "Heuvelland", ["Kemmel"] = "Heuvelland",
        ["Loker"] = "Heuvelland", ["Nieuwkerke"] = "Heuvelland", ["Westouter"] = "Heuvelland", ["Wijtschate"] = "Heuvelland",
        ["Wulvergem"] = "Heuvelland",
        ["Mesen"] = "Mesen",
        ["Vleteren"] = "Vleteren", ["Oostvleteren"] = "Vleteren", ["Westvleteren"] = "Vleteren", ["Woesten"] = "Vleteren",
    };

    /// <summary>Target groups from a list such as <c>senioren, laaggeletterden</c> or <c>SENIORS,LOW_LITERACY</c>.</summary>
    public static IReadOnlyList<string> TargetGroups(string? text) =>
        SplitList(text).Select(TargetGroup).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>One target group; an unknown word becomes an upper-case code the platform will judge.</summary>
    public static string TargetGroup(string word)
    {
        return TargetGroupWords.TryGetValue(word.Trim(), out var code) ? code : AsCode(word);
    }

    /// <summary>A level; empty means <c>BEGINNER</c>.</summary>
    public static string Level(string? word) =>
        string.IsNullOrWhiteSpace(word) ? "BEGINNER" : LevelWords.TryGetValue(word.Trim(), out var code) ? code : AsCode(word);

    /// <summary>A language; empty means <c>DUTCH</c>.</summary>
    public static string Language(string? word) =>
        string.IsNullOrWhiteSpace(word) ? "DUTCH" : LanguageWords.TryGetValue(word.Trim(), out var code) ? code : AsCode(word);

    /// <summary>The town of a section (Kemmel is in Heuvelland); anything else as it was written.</summary>
    public static string Town(string? place)
    {
        var trimmed = place?.Trim() ?? string.Empty;
        return TownOfSection.TryGetValue(trimmed, out var town) ? town : trimmed;
    }

    /// <summary>Topic codes as the platform writes them: lower case, hyphens (<c>Tax on web</c> becomes <c>tax-on-web</c>).</summary>
    public static IReadOnlyList<string> Topics(string? text) =>
        SplitList(text)
            .Select(topic => string.Join('-', topic.ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Items of a list separated by commas, semicolons or pipes, trimmed, without empty ones.</summary>
    public static IEnumerable<string> SplitList(string? text) =>
        (text ?? string.Empty).Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Yes or no as a Flemish form says it; null when empty or not understood.</summary>
    public static bool? YesNo(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "ja" or "j" or "yes" or "y" or "true" or "waar" or "1" or "x" => true,
        "nee" or "neen" or "n" or "no" or "false" or "onwaar" or "0" => false,
        _ => null,
    };

    /// <summary>
    /// An amount in euro as a Belgian writes it (<c>12,50</c>, <c>€ 12,50</c>, <c>12.50</c>, <c>gratis</c>), in cents.
    /// Empty is free.
    /// </summary>
    public static bool TryParseEuroCents(string? text, out int cents)
    {
        cents = 0;
        var value = (text ?? string.Empty).Trim().Replace("€", string.Empty, StringComparison.Ordinal).Replace("EUR", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        if (value.Length == 0 || value.Equals("gratis", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // One separator is the decimal one; "1.250,00" is a thousands point and a decimal comma.
        var normalised = value.Contains(',', StringComparison.Ordinal)
            ? value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
            : value;
        if (!decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var euro)
            || Math.Abs(euro) > 1_000_000m)
        {
            return false;
        }

        cents = (int)Math.Round(euro * 100m, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>The platform's sign-up status in the Dutch word partner staff use (<c>CONFIRMED</c> is <c>bevestigd</c>).</summary>
    public static string SignUpStatusWord(string status) => status switch
    {
        "CONFIRMED" => "bevestigd",
        "WAITLISTED" => "wachtlijst",
        "CANCELLED" => "geannuleerd",
        "ATTENDED" => "aanwezig",
        "NO_SHOW" => "afwezig",
        _ => status.ToLowerInvariant(),
    };

    private static string AsCode(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var character in word.Trim())
        {
            builder.Append(char.IsLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_');
        }

        return builder.ToString();
    }
}
