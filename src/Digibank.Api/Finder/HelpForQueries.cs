using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Finder;

public static class HelpForQueries
{
    public const int MaxQuestionLength = 500;
    private const int MaxHelpPoints = 5;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static void AddHelpForQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<HelpSuggestionsType>>("helpFor")
            .Description("A resident's question in their own words (Dutch, French or English; typos welcome): the topics it is about, " +
                "the courses and places that help, and a plain-Dutch sentence that says so. Public; nothing about the person is kept.")
            .Argument<NonNullGraphType<StringGraphType>>("question", $"At most {MaxQuestionLength} characters.")
            .Argument<IdGraphType>("municipalityId", "The resident's town: its courses and places come first.")
            .WithRegionArgument("courses and places")
            .ResolveAsync(async context =>
            {
                var question = context.GetArgument<string>("question");
                if (string.IsNullOrWhiteSpace(question) || question.Length > MaxQuestionLength)
                {
                    throw new ExecutionError($"Ask a question of 1 to {MaxQuestionLength} characters.") { Code = GraphQL.ErrorCodes.InvalidArgument };
                }

                var town = context.GetArgument<string?>("municipalityId") is { } townId ? GlobalId.DecodeFor(MunicipalityType.TypeName, townId) : (int?)null;
                return await SuggestAsync(context, question, town, await context.RegionIdAsync());
            });

    private static async Task<HelpSuggestions> SuggestAsync(IResolveFieldContext context, string question, int? town, int? regionId)
    {
        var services = context.RequestServices!;
        var cancellationToken = context.CancellationToken;
        var index = await services.GetRequiredService<TopicFinder>().IndexAsync(cancellationToken);
        var matches = index.Find(question);
        // A topic far behind the best is noise: "code" in an itsme question also scores for e-mail.
        matches = [.. matches.Where(match => match.Score >= matches[0].Score * 0.25)];
        var topicIds = matches.Select(m => m.TopicId).ToList();
        var topics = topicIds.Select(id => index.Topics[id]).ToDictionary(t => t.TopicId, t => new Topic { Id = t.TopicId, Code = t.Code, Name = t.Name });
        var suggestions = matches.Select(m => new TopicSuggestion(topics[m.TopicId], m.Score, m.MatchedWords)).ToList();

        var now = context.UtcNow();
        var everyPoint = await services.GetRequiredService<HelpPointDirectory>().AllAsync(cancellationToken);
        var order = MunicipalitiesByDistance(everyPoint, town);
        IReadOnlyList<HelpPoint> points = regionId is { } region ? [.. everyPoint.Where(h => h.RegionId == region)] : everyPoint;
        var localNow = RegionTime.ToLocal(now);
        var helpPoints = suggestions.Count == 0 ? [] : points
            .Where(h => h.Services.Contains(HelpPointService.WalkInHelp)
                || (h.Services.Contains(HelpPointService.DeviceLending) && topics.Values.Any(t => t.Code is "smartphone-basics" or "photos")))
            .Select(h => (Point: h, Next: OpeningCalendar.NextOpenAt(h.OpeningHours, [.. h.Closures.Where(c => c.EndsAt > now).Select(ClosedPeriod.Of)], localNow)))
            .OrderBy(p => p.Next ?? DateTime.MaxValue).ThenBy(p => order.IndexOf(p.Point.MunicipalityId) is var rank and >= 0 ? rank : order.Count).ThenBy(p => p.Point.Id)
            .Take(MaxHelpPoints).ToList();
        var homeHelp = suggestions.Count > 0 && points.Any(h => h.Services.Contains(HelpPointService.HomeVisits));
        var upcoming = await services.GetRequiredService<UpcomingCourses>().IndexAsync(cancellationToken);
        var courses = new CourseSuggestions(upcoming, topicIds, order, now, regionId);
        var firstCourse = courses.Ranked().Select(courses.AsRow).FirstOrDefault();
        return new HelpSuggestions(suggestions, courses, [.. helpPoints.Select(p => p.Point)], homeHelp,
            Explain(suggestions, firstCourse, helpPoints.Count > 0 ? helpPoints[0] : null, homeHelp, localNow));
    }

    /// <summary>The region's towns from the resident's outward, by the distance between the centres of their help points.</summary>
    private static List<int> MunicipalitiesByDistance(IReadOnlyList<HelpPoint> points, int? town)
    {
        var centres = points.Where(h => h.Latitude is not null && h.Longitude is not null)
            .GroupBy(h => h.MunicipalityId)
            .ToDictionary(g => g.Key, g => (Latitude: g.Average(h => h.Latitude!.Value), Longitude: g.Average(h => h.Longitude!.Value)));
        if (town is not { } home || !centres.TryGetValue(home, out var from))
        {
            return town is { } unknown ? [unknown] : [];
        }

        var scale = Math.Cos(from.Latitude * Math.PI / 180);
        return [.. centres.OrderBy(c => c.Key == home ? 0 : 1)
            .ThenBy(c => Math.Pow(c.Value.Latitude - from.Latitude, 2) + Math.Pow((c.Value.Longitude - from.Longitude) * scale, 2))
            .Select(c => c.Key)];
    }

    private static string Explain(IReadOnlyList<TopicSuggestion> topics, Course? course, (HelpPoint Point, DateTime? Next)? place, bool homeHelp, DateTime localNow)
    {
        if (topics.Count == 0)
        {
            return "We vonden geen onderwerp bij je vraag. Bel ons of kom langs in een bibliotheek: wij helpen je graag.";
        }

        var names = topics.Take(2).Select(t => t.Topic.Name).ToList();
        var sentence = $"Je vraag gaat over {string.Join(" of ", names)}.";
        if (course is not null)
        {
            sentence += $" De eerstvolgende cursus is \"{course.Title}\" op {RegionTime.ToLocal(course.StartsAt!.Value).ToString("dddd d MMMM", Dutch)} in {course.Municipality?.Name}.";
        }

        if (place is ({ } point, var next))
        {
            sentence += next switch
            {
                null => $" Je kan ook langsgaan in {point.Name}.",
                { } open when open == localNow => $" Je kan ook nu binnenlopen in {point.Name}.",
                { } open when open.Date == localNow.Date => $" Je kan ook binnenlopen in {point.Name}, vandaag vanaf {open.Hour}.{open.Minute:00} uur.",
                { } open => $" Je kan ook binnenlopen in {point.Name}, {open.ToString("dddd d MMMM", Dutch)} vanaf {open.Hour}.{open.Minute:00} uur.",
            };
        }

        return homeHelp ? sentence + " Kan je niet komen? De mobiele digiploeg komt ook aan huis." : sentence;
    }
}
