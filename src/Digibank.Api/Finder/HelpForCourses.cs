using System.Reflection;
using System.Runtime.CompilerServices;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Limits;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Projection;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

/// <summary>
/// The `courses` of a help finder's answer, paged like every connection. The order and the page come from memory
/// (<see cref="UpcomingCourses"/>). When the client asks of each course only what memory holds, that is the answer;
/// when it asks for more (seats, sessions, the partner), the page's rows are read by id, and their fields resolve as
/// they do anywhere else.
/// </summary>
public static class HelpForCourses
{
    private static readonly HashSet<PropertyInfo> HeldMembers =
    [
        .. new[] { nameof(Course.Id), nameof(Course.Title), nameof(Course.StartsAt), nameof(Course.MunicipalityId) }.Select(name => typeof(Course).GetProperty(name)!),
    ];

    // Whether a selection asks only for what memory holds depends on the document alone: decided once per field of it.
    private static readonly ConditionalWeakTable<GraphQLField, StrongBox<bool>> AsksOnlyWhatMemoryHolds = new();

    public static void AddCoursesField(this ObjectGraphType type, string description, Func<IResolveFieldContext, CourseSuggestions> courses) =>
        type.Field<NonNullGraphType<ConnectionGraphType<CourseType, Course>>, Connection<Course>>("courses")
            .Description(description)
            .Argument<IntGraphType>("first", $"Returns the first n items (at most {Pager.MaxPageSize}; {Pager.DefaultPageSize} when no size is given).")
            .Argument<StringGraphType>("after", "Returns the items after this cursor.")
            .Argument<IntGraphType>("last", $"Returns the last n items (at most {Pager.MaxPageSize}).")
            .Argument<StringGraphType>("before", "Returns the items before this cursor.")
            .WithComplexityImpact(QueryLimits.PageImpact)
            .ResolveAsync(async context =>
            {
                var suggestions = courses(context);
                var fromMemory = AsksOnlyWhatMemoryHolds.GetValue(context.FieldAst, _ => new StrongBox<bool>(OnlyWhatMemoryHolds(context))).Value;
                return await Pager.PageAsync(
                    new PagingArguments(
                        context.GetArgument<int?>("first"),
                        context.GetArgument<string?>("after"),
                        context.GetArgument<int?>("last"),
                        context.GetArgument<string?>("before")),
                    (skip, take, cancellationToken) =>
                    {
                        var page = suggestions.Ranked().Skip(skip).Take(take).ToList();
                        return fromMemory ? Task.FromResult(page.ConvertAll(suggestions.AsRow)) : ReadRowsAsync(context, page, cancellationToken);
                    },
                    _ => Task.FromResult(suggestions.Ranked().Count()),
                    context.CancellationToken);
            });

    private static bool OnlyWhatMemoryHolds(IResolveFieldContext context)
    {
        if (context.Schema.AllTypes[CourseType.TypeName] is not IProjectedGraphType courseType)
        {
            return false;
        }

        var asked = new ProjectionNode(typeof(Course));
        asked.AddSelection(courseType, SelectionLookahead.NodeSelection(context), context);
        // Memory holds each town whole; what a town's own fields load (its sections) is batch-loaded by its id.
        return !asked.Whole
            && asked.Members.IsSubsetOf(HeldMembers)
            && asked.Children.All(child => child.Key.Name == nameof(Course.Municipality) && child.Value.Children.Count == 0);
    }

    /// <summary>The page's courses as rows of the database, in the page's order.</summary>
    private static async Task<List<Course>> ReadRowsAsync(IResolveFieldContext context, List<UpcomingCourse> page, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        SqlStatementBudget.EnsureRoom();
        var ids = page.ConvertAll(course => course.Id);
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync(cancellationToken);
        var rows = await db.Courses.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }
}
