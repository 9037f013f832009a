using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Digibank.Api.Courses;
using Digibank.Api.Municipalities;

namespace Digibank.Api.Notifications;

/// <summary>A message ready to send or to read out.</summary>
public sealed record Message(string Subject, string Body);

/// <summary>What a template fills in; a value left out stays empty.</summary>
public sealed record MessageFacts(
    string? FirstName,
    string? CourseTitle = null,
    DateTime? When = null,
    string? Place = null,
    int? Position = null,
    string? Topic = null,
    string? Device = null,
    DateTime? Until = null,
    string? CancelLink = null,
    string? ConfirmLink = null);

/// <summary>
/// The messages' texts, one file per reason and language under <c>Notifications/Templates/</c> (nl, fr, en), in
/// plain language a coordinator can read and change: a first line with the subject, an empty line, the body.
/// What follows a line <c>---</c> holds the self-service links: it is left out of what staff read out on the phone.
/// Dutch unless the course is given in French or English. Dates and times are spelled out in the region's time.
/// </summary>
public static class MessageTemplates
{
    private static readonly Assembly Assembly = typeof(MessageTemplates).Assembly;

    // Read once per reason and language: a course cancelled with a thousand participants renders a thousand messages.
    private static readonly ConcurrentDictionary<(NotificationReason, string), string?> Texts = new();

    public static string LanguageOf(CourseLanguage? language) => language switch
    {
        CourseLanguage.French => "fr",
        CourseLanguage.English => "en",
        _ => "nl",
    };

    private const string LinksSeparator = "\n---\n";

    public static Message Render(NotificationReason reason, string language, MessageFacts facts, bool withLinks = true)
    {
        var text = Texts.GetOrAdd((reason, language), key => Read(key.Item1, key.Item2)) ?? Texts.GetOrAdd((reason, "nl"), key => Read(key.Item1, key.Item2)) ?? throw new InvalidOperationException($"No template for {reason}.");
        var culture = CultureInfo.GetCultureInfo(language switch { "fr" => "fr-BE", "en" => "en-GB", _ => "nl-BE" });
        var filled = text
            .Replace("{FirstName}", facts.FirstName ?? string.Empty, StringComparison.Ordinal)
            .Replace("{CourseTitle}", facts.CourseTitle ?? string.Empty, StringComparison.Ordinal)
            .Replace("{When}", facts.When is { } when ? SpellOut(when, language, culture) : string.Empty, StringComparison.Ordinal)
            .Replace("{Place}", facts.Place ?? string.Empty, StringComparison.Ordinal)
            .Replace("{Position}", facts.Position?.ToString(culture) ?? string.Empty, StringComparison.Ordinal)
            .Replace("{Topic}", facts.Topic ?? string.Empty, StringComparison.Ordinal)
            .Replace("{Device}", facts.Device ?? string.Empty, StringComparison.Ordinal)
            .Replace("{Until}", facts.Until is { } until ? SpellOutDay(until, culture) : string.Empty, StringComparison.Ordinal)
            .Replace("{CancelLink}", facts.CancelLink ?? string.Empty, StringComparison.Ordinal)
            .Replace("{ConfirmLink}", facts.ConfirmLink ?? string.Empty, StringComparison.Ordinal)
            .ReplaceLineEndings("\n");
        var links = filled.IndexOf(LinksSeparator, StringComparison.Ordinal);
        if (links >= 0)
        {
            filled = withLinks ? $"{filled[..links]}\n\n{filled[(links + LinksSeparator.Length)..]}" : filled[..links];
        }

        var firstLineEnd = filled.IndexOf('\n', StringComparison.Ordinal);
        var subjectLine = filled[..firstLineEnd];
        return new Message(subjectLine[(subjectLine.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), filled[firstLineEnd..].Trim() + "\n");
    }

    /// <summary>"dinsdag 8 december 2026 om 9.30 uur", "mardi 8 décembre 2026 à 9 h 30", "Tuesday 8 December 2026 at 9.30".</summary>
    public static string SpellOut(DateTime utc, string language, CultureInfo culture)
    {
        var local = Region.ToLocal(utc);
        var day = SpellOutDay(utc, culture);
        return language switch
        {
            "fr" => $"{day} à {local.Hour} h {local.Minute:00}",
            "en" => $"{day} at {local.Hour}.{local.Minute:00}",
            _ => $"{day} om {local.Hour}.{local.Minute:00} uur",
        };
    }

    /// <summary>"vrijdag 4 december 2026": a day to do something by, in the region's time.</summary>
    public static string SpellOutDay(DateTime utc, CultureInfo culture) => Region.ToLocal(utc).ToString("dddd d MMMM yyyy", culture);

    private static string? Read(NotificationReason reason, string language)
    {
        using var stream = Assembly.GetManifestResourceStream($"Digibank.Api.Notifications/Templates/{language}/{reason}.txt");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
