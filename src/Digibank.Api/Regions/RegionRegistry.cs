using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Regions;

/// <summary>
/// The rules of the regions, whoever asks: only the admin adds a region, changes it or names its coordinator; a region's
/// code is short, readable and its own; a town is in exactly one region, so a town that any region has already is
/// refused; the small-group threshold is between 1 and <see cref="MaxSmallGroupThreshold"/>. Works inside the caller's
/// transaction on the caller's context; the caller tells <c>IPlaceRegions</c> when places changed.
/// </summary>
public sealed class RegionRegistry(DigibankDbContext db, DateTime now)
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 120;
    public const int MaxTownNameLength = 80;
    public const int MaxPostalCodeLength = 10;
    public const int MaxMunicipalities = 100;
    public const int MaxSmallGroupThreshold = 100;

    private const string OnlyTheAdmin = "Only the admin manages the regions.";

    /// <summary>Why the caller may not manage regions at all, before their input is even read; null for the admin.</summary>
    public static NotAllowedError? Refusal(StaffUser staff) => staff.IsAdmin ? null : new NotAllowedError(OnlyTheAdmin);

    /// <summary>The new region's own shape, before any database is asked; every failure goes into <paramref name="rules"/>.</summary>
    public static CreateRegion Check(InputRules rules, CreateRegion command)
    {
        var code = rules.Text(nameof(command.Code), command.Code, MaxCodeLength) ?? string.Empty;
        rules.Require(code.Length == 0 || IsCode(code), nameof(command.Code), "A region's code holds lower-case letters, digits and hyphens, e.g. `westhoek`.");
        var name = rules.Text(nameof(command.Name), command.Name, MaxNameLength) ?? string.Empty;
        CheckThreshold(rules, command.SmallGroupThreshold);
        rules.Require(command.Municipalities.Count is > 0 and <= MaxMunicipalities, nameof(command.Municipalities), $"A region has 1 to {MaxMunicipalities} towns.");
        var towns = command.Municipalities.Select(town => town with
        {
            Name = rules.Text(nameof(command.Municipalities), town.Name, MaxTownNameLength) ?? string.Empty,
            PostalCode = rules.Text(nameof(command.Municipalities), town.PostalCode, MaxPostalCodeLength) ?? string.Empty,
        }).ToList();
        rules.Require(towns.All(town => town.Latitude is >= -90 and <= 90 && town.Longitude is >= -180 and <= 180), nameof(command.Municipalities),
            "A town's latitude lies between -90 and 90, its longitude between -180 and 180.");
        rules.Require(towns.DistinctBy(town => TextKey.Fold(town.Name)).Count() == towns.Count, nameof(command.Municipalities), "A town is named once.");
        return command with { Code = code, Name = name, Municipalities = towns };
    }

    /// <summary>The changes' own shape: a name that is not empty, a threshold in range.</summary>
    public static UpdateRegion Check(InputRules rules, UpdateRegion command)
    {
        var name = command.Name is null ? null : rules.Text(nameof(command.Name), command.Name, MaxNameLength);
        CheckThreshold(rules, command.SmallGroupThreshold ?? Region.DefaultSmallGroupThreshold);
        return command with { Name = name };
    }

    /// <summary>The coordinator's name and address.</summary>
    public static NameRegionCoordinator Check(InputRules rules, NameRegionCoordinator command) => command with
    {
        Name = rules.Text(nameof(command.Name), command.Name, 100) ?? string.Empty,
        Email = rules.Email(nameof(command.Email), command.Email) ?? string.Empty,
    };

    /// <summary>Adds a region that <see cref="Check(InputRules, CreateRegion)"/> accepted, with its towns.</summary>
    public async Task<Result<Region>> CreateAsync(CreateRegion command, CancellationToken cancellationToken)
    {
        if (Refusal(command.Staff) is { } refusal)
        {
            return refusal;
        }

        if (await db.Regions.AnyAsync(r => r.Code == command.Code, cancellationToken))
        {
            return new RegionCodeTakenError($"There is a region with the code `{command.Code}` already.");
        }

        var keys = command.Municipalities.Select(town => TextKey.Fold(town.Name)).ToList();
        var taken = await db.Municipalities.Where(m => keys.Contains(m.NameKey)).Select(m => m.NameKey).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            var town = command.Municipalities.First(t => TextKey.Fold(t.Name) == taken).Name;
            return new MunicipalityInRegionError($"{town} belongs to a region already; a town is in one region only.", town);
        }

        var region = new Region { Code = command.Code, Name = command.Name, SmallGroupThreshold = command.SmallGroupThreshold };
        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
        db.Municipalities.AddRange(command.Municipalities.Select(town => new Municipality
        {
            Name = town.Name,
            PostalCode = town.PostalCode,
            Latitude = town.Latitude,
            Longitude = town.Longitude,
            RegionId = region.Id,
        }));
        return region;
    }

    /// <summary>Renames a region or changes its threshold.</summary>
    public async Task<Result<Region>> UpdateAsync(UpdateRegion command, CancellationToken cancellationToken)
    {
        if (Refusal(command.Staff) is { } refusal)
        {
            return refusal;
        }

        if (await db.Regions.AsTracking().SingleOrDefaultAsync(r => r.Id == command.RegionId, cancellationToken) is not { } region)
        {
            return new NotFoundError("There is no such region.");
        }

        region.Name = command.Name ?? region.Name;
        region.SmallGroupThreshold = command.SmallGroupThreshold ?? region.SmallGroupThreshold;
        return region;
    }

    /// <summary>Names a coordinator of a region; naming the same address again changes their name.</summary>
    public async Task<Result<RegionCoordinator>> NameCoordinatorAsync(NameRegionCoordinator command, CancellationToken cancellationToken)
    {
        if (Refusal(command.Staff) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Regions.AnyAsync(r => r.Id == command.RegionId, cancellationToken))
        {
            return new NotFoundError("There is no such region.");
        }

        var coordinator = await db.RegionCoordinators.AsTracking()
            .SingleOrDefaultAsync(c => c.RegionId == command.RegionId && c.Email == command.Email, cancellationToken);
        if (coordinator is null)
        {
            coordinator = new RegionCoordinator { RegionId = command.RegionId, Name = command.Name, Email = command.Email, NamedAt = now };
            db.RegionCoordinators.Add(coordinator);
        }

        coordinator.Name = command.Name;
        return coordinator;
    }

    private static void CheckThreshold(InputRules rules, int threshold) =>
        rules.Require(threshold is >= 1 and <= MaxSmallGroupThreshold, "smallGroupThreshold", $"The small-group threshold lies between 1 and {MaxSmallGroupThreshold}.");

    private static bool IsCode(string code) =>
        code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && code[0] != '-' && code[^1] != '-';
}
