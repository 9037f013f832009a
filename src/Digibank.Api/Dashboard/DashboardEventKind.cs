namespace Digibank.Api.Dashboard;

public enum DashboardEventKind
{
    SignUp,
    SignUpCancelled,
    SignUpUpdated,
    CourseAvailability,
    Loan,
    Return,
    DeviceAvailability,
    HelpRequest,
    HelpRequestUpdated,
    PartnerSync,

    /// <summary>Someone was put on a help point's call list.</summary>
    CallTask,
}
