namespace Digibank.Api.Devices;

/// <summary>
/// The steps of wiping a returned device, all of them done before it is lent again, so nothing of the last borrower
/// (an account, a photo, a saved password) reaches the next.
/// </summary>
public enum WipeStep
{
    /// <summary>Every account of the borrower (Google, Apple, Microsoft, e-mail, itsme…) is signed out and removed.</summary>
    AccountsSignedOut,

    /// <summary>The borrower's files, photos and downloads are deleted.</summary>
    FilesDeleted,

    /// <summary>The device is reset to its factory settings.</summary>
    FactoryReset,

    /// <summary>The device starts again and works, ready for the next borrower.</summary>
    StartsUp,
}
