using System.Globalization;

namespace Digibank.Bench;

/// <summary>How much of Flanders to generate: the figures at scale 1, all of them scaled together otherwise.</summary>
public sealed record FlandersSize(double Scale, int Regions, int TownsPerRegion, int Partners, int Courses, int Devices, int Participants, int SignUps, int Loans)
{
    public static FlandersSize Of(double scale)
    {
        if (scale is <= 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "A scale between 0 and 2.");
        }

        int Scaled(int full, int least) => Math.Max(least, (int)Math.Round(full * scale));
        return new FlandersSize(scale, Scaled(100, 2), 4, Scaled(300, 4), Scaled(10_000, 40), Scaled(6_000, 20), Scaled(60_000, 100), Scaled(200_000, 100), Scaled(20_000, 20));
    }

    public int Towns => Regions * TownsPerRegion;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"scale {Scale}: {Regions} regions, {Towns} towns, {Partners} partners, {Courses:N0} courses, {Devices:N0} devices, {Participants:N0} participants, {SignUps:N0} past sign-ups, {Loans:N0} loans");
}
