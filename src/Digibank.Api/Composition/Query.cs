using Digibank.Api.Accounts;
using Digibank.Api.Courses;
using Digibank.Api.Dashboard;
using Digibank.Api.Devices;
using Digibank.Api.Finder;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Observability;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using GraphQL.Types;

namespace Digibank.Api.Composition;

/// <summary>The root query: each feature adds its own fields.</summary>
public sealed class Query : ObjectGraphType
{
    public Query()
    {
        Name = "Query";
        this.AddNodeFields();
        this.AddCourseQueries();
        this.AddSignUpQueries();
        this.AddHelpPointQueries();
        this.AddDeviceQueries();
        this.AddLendingQueries();
        this.AddHelpRequestQueries();
        this.AddPartnerQueries();
        this.AddMunicipalityQueries();
        this.AddRegionQueries();
        this.AddStaffAccountQueries();
        this.AddReachStatisticsQueries();
        this.AddCallListQueries();
        this.AddSetAsideEventQueries();
        this.AddHelpForQueries();
    }
}
