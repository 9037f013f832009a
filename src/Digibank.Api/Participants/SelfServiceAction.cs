namespace Digibank.Api.Participants;

/// <summary>What a resident can do with a link from a message, without an account.</summary>
public enum SelfServiceAction
{
    CancelSignUp,
    CancelReservation,

    /// <summary>The resident lets the help point know they will come and collect the device set aside for them.</summary>
    ConfirmReservation,
}
