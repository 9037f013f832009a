namespace Digibank.Api.Courses;

public enum SignUpChannel
{
    Web,
    Partner,
    Counter,
}
