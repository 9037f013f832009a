namespace Digibank.Api.Devices;

/// <summary>What goes with a device on loan, listed on the loan slip and ticked off when it comes back.</summary>
public enum LoanAccessory
{
    Charger,
    Cable,
    Case,
    Bag,
    Mouse,
    Headphones,
}
