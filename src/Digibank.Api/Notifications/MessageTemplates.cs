using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Digibank.Api.Courses;
using Digibank.Api.Municipalities;

namespace Digibank.Api.Notifications;

/// <summary>
/// The messages' texts, one file per reason and language under <c>Notifications/Templates/</c> (nl, fr, en), in
/// plain language a coordinator can read and change: a first line with the subject, an empty line, the body.
/// What follows a line <c>---</c> holds the self-service links: it is left out of what staff read out on the phone.
/// Dutch unless the course is given in French or English. Dates and times are spelled out in the region's time.
/// A template is split into subject, body and links before anything is filled in, and filled in one pass: a value is
/// never read again as a placeholder or as a line <c>---</c>, and never brings a line break of its own.
/// </summary>
public static partial class MessageTemplates
{
    private static readonly Assembly Assembly = typeof(MessageTemplates).Assembly;

    // Read once per reason and language: a course cancelled with a thousand participants renders a thousand messages.
    private static readonly ConcurrentDictionary<(NotificationReason, string), Template?> Templates = new();

    public static string LanguageOf(CourseLanguage? language) => language switch
    {
        CourseLanguage.French => "fr",
        CourseLanguage.English => "en",
        _ => "nl",
    };

    private const string LinksSeparator = "\n---\n";

    public static Message Render(NotificationReason reason, string language, MessageFacts facts, bool withLinks = true)
    {
        var template = Templates.GetOrAdd((reason, language), key => Read(key.Item1, key.Item2))
            ?? Templates.GetOrAdd((reason, "nl"), key => Read(key.Item1, key.Item2))
            ?? throw new InvalidOperationException($"No template for {reason}.");
        var culture = CultureInfo.GetCultureInfo(language switch { "fr" => "fr-BE", "en" => "en-GB", _ => "nl-BE" });
        string Fill(string text) => Placeholder().Replace(text, match => ValueOf(match.Groups[1].Value, facts, language, culture) ?? match.Value);
        var body = Fill(template.Body).Trim();
        if (withLinks && template.Links is { } links)
        {
            body = $"{body}\n\n{Fill(links).Trim()}";
        }

        return new Message(Fill(template.Subject).Trim(), body + "\n");
    }

    /// <summary>"dinsdag 8 december 2026 om 9.30 uur", "mardi 8 décembre 2026 à 9 h 30", "Tuesday 8 December 2026 at 9.30".</summary>
    public static string SpellOut(DateTime utc, string language, CultureInfo culture)
    {
        var local = RegionTime.ToLocal(utc);
        var day = SpellOutDay(utc, culture);
        return language switch
        {
            "fr" => $"{day} à {local.Hour} h {local.Minute:00}",
            "en" => $"{day} at {local.Hour}.{local.Minute:00}",
            _ => $"{day} om {local.Hour}.{local.Minute:00} uur",
        };
    }

    /// <summary>"vrijdag 4 december 2026": a day to do something by, in the region's time.</summary>
    public static string SpellOutDay(DateTime utc, CultureInfo culture) => RegionTime.ToLocal(utc).ToString("dddd d MMMM yyyy", culture);

    /// <summary>A placeholder's value: text on one line, or, for <c>{Sessions}</c>, one line per session; null for a name no fact has.</summary>
    private static string? ValueOf(string name, MessageFacts facts, string language, CultureInfo culture) => name switch
    {
        "FirstName" => PlainText.OneLine(facts.FirstName),
        "CourseTitle" => PlainText.OneLine(facts.CourseTitle),
        "When" => facts.When is { } when ? SpellOut(when, language, culture) : string.Empty,
        "Was" => facts.Was is { } was ? SpellOut(was, language, culture) : string.Empty,
        "Place" => PlainText.OneLine(facts.Place),
        "Position" => facts.Position?.ToString(culture) ?? string.Empty,
        "Topic" => PlainText.OneLine(facts.Topic),
        "Device" => PlainText.OneLine(facts.Device),
        "Until" => facts.Until is { } until ? SpellOutDay(until, culture) : string.Empty,
        "CancelLink" => PlainText.OneLine(facts.CancelLink),
        "ConfirmLink" => PlainText.OneLine(facts.ConfirmLink),
        "Sessions" => facts.Sessions is { Count: > 0 } sessions
            ? string.Join("\n", sessions.Select(session => $"- {SpellOut(session, language, culture)}"))
            : language switch { "fr" => "- aucune", "en" => "- none", _ => "- geen" },
        _ => null,
    };

    private static Template? Read(NotificationReason reason, string language)
    {
        using var stream = Assembly.GetManifestResourceStream($"Digibank.Api.Notifications/Templates/{language}/{reason}.txt");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        var subjectEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var subjectLine = text[..subjectEnd];
        var rest = text[subjectEnd..];
        var links = rest.IndexOf(LinksSeparator, StringComparison.Ordinal);
        return new Template(
            subjectLine[(subjectLine.IndexOf(':', StringComparison.Ordinal) + 1)..],
            links >= 0 ? rest[..links] : rest,
            links >= 0 ? rest[(links + LinksSeparator.Length)..] : null);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>A template split into its parts before anything is filled in.</summary>
    private sealed record Template(string Subject, string Body, string? Links);
}
