using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Projection;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Courses;

/// <summary>A course's place: a help point, or a venue of the partner's choosing.</summary>
public sealed class CourseLocationType : ProjectedGraphType<Course>
{
    public CourseLocationType()
    {
        Name = "CourseLocation";
        Description = "Where a course takes place: a help point, or another venue.";
        Field<HelpPointType>("helpPoint")
            .Description("The help point, when the course is at one.")
            .Resolve(context => HelpPointOf(context));
        ReadsRelated("helpPoint", c => c.HelpPoint, c => c.HelpPointId);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Resolve(context => (object?)context.Source.VenueName ?? FromHelpPoint(context, point => point?.Name ?? string.Empty));
        ReadsThrough("name", c => c.HelpPoint, [h => h.Name], c => c.VenueName, c => c.HelpPointId);
        Field<StringGraphType>("street")
            .Resolve(context => (object?)context.Source.VenueStreet ?? FromHelpPoint(context, point => point?.Street));
        ReadsThrough("street", c => c.HelpPoint, [h => h.Street], c => c.VenueStreet, c => c.HelpPointId);
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Resolve(context => context.LoadMunicipality(context.Source.Municipality, context.Source.MunicipalityId));
        ReadsRelated("municipality", c => c.Municipality, c => c.MunicipalityId);
    }

    private static object? HelpPointOf(IResolveFieldContext<Course> context) =>
        context.Source.HelpPointId is { } id ? context.LoadHelpPoint(context.Source.HelpPoint, id) : null;

    /// <summary>A detail of the course's help point: read from the joined row when there is one, else batch-loaded.</summary>
    private static object? FromHelpPoint(IResolveFieldContext<Course> context, Func<HelpPoint?, string?> read) =>
        context.Source.HelpPoint is not null || context.Source.HelpPointId is not { } id
            ? read(context.Source.HelpPoint)
            : context.LoadHelpPoint(id).Then(read);
}
