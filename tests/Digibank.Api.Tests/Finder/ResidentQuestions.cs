namespace Digibank.Api.Tests.Finder;

/// <summary>
/// The residents' questions the help finder's benchmark asks in turn (Dutch, French, English). The tests that
/// hold helpFor to its promises ask the same ones, so what is measured is what is tested.
/// </summary>
public static class ResidentQuestions
{
    public static readonly string[] Benchmark =
    [
        "De brief van de belastingen kwam en ik moet mijn aangifte doen",
        "mijn kleinzoon stuurt fotos op whatsapp",
        "de school schrijft alleen via de app",
        "ik ben mijn itsme code vergeten",
        "hoe doe ik een overschrijving met mijn gsm",
        "mijn kaartlezer werkt niet",
        "ik kreeg een rare sms van de bank",
        "je dois faire ma déclaration d'impôts",
        "how do I make a video call with my grandchildren",
        "ik zoek werk via de vdab",
    ];
}
