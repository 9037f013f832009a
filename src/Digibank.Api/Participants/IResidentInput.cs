using System.ComponentModel;

namespace Digibank.Api.Participants;

/// <summary>The resident fields an input carries; names and descriptions are those of the GraphQL input fields.</summary>
public interface IResidentInput
{
    [Description("First name only; at most 50 characters.")]
    string FirstName { get; }

    [Description("E-mail address, or leave empty and give a phone number.")]
    string? Email { get; }

    [Description("Phone number, or leave empty and give an e-mail address.")]
    string? Phone { get; }

    [Description("The town the person lives in.")]
    string MunicipalityId { get; }

    TargetGroup TargetGroup { get; }

    bool Consent { get; }

    [Description("With a mobile number: the person agrees to get text messages about this (default false). Without it, staff phone them.")]
    bool SmsConsent { get; }
}
