using GraphQL.Types;

namespace Digibank.Api.HelpPoints;

public sealed class OpeningHoursType : ObjectGraphType<OpeningHours>
{
    public OpeningHoursType()
    {
        Name = "OpeningHours";
        Description = "One opening period on a weekday, in Belgian local time.";
        Field(o => o.Day, type: typeof(NonNullGraphType<EnumerationGraphType<DayOfWeek>>));
        Field<NonNullGraphType<StringGraphType>>("opens").Description("Local time as HH:mm.").Resolve(context => context.Source.Opens.ToString("HH:mm"));
        Field<NonNullGraphType<StringGraphType>>("closes").Description("Local time as HH:mm.").Resolve(context => context.Source.Closes.ToString("HH:mm"));
    }
}
