namespace Digibank.Api.Vocabulary;

/// <summary>Who a course is meant for, and to which group a resident counts themselves; shared by every feature.</summary>
public enum TargetGroup
{
    Everyone,
    Seniors,
    Parents,
    JobSeekers,
    LowIncome,
    LowLiteracy,
    Newcomers,
}
