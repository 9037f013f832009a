using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

/// <summary>Demand the Digibank has not met yet, as it stands now; figures below the minimum are null.</summary>
public sealed record UnmetDemand(int? WaitingListPlaces, int? PeopleWaitingForDevice, int? UnansweredHelpRequests, int? UnansweredOlderThanAWeek)
{
    public static readonly TimeSpan UnansweredTooLong = TimeSpan.FromDays(7);

    public bool Suppressed => WaitingListPlaces is null || PeopleWaitingForDevice is null || UnansweredHelpRequests is null || UnansweredOlderThanAWeek is null;

    /// <summary>
    /// Three counting queries over one region, with its small-group threshold. People waiting count for the town they
    /// live in; help requests for the town they name.
    /// </summary>
    public static async Task<UnmetDemand> ComputeAsync(
        DigibankDbContext db, int regionId, int threshold, int? municipalityId, DateTime now, CancellationToken cancellationToken)
    {
        var waitlisted = db.SignUps.Where(s => s.RegionId == regionId && s.Status == SignUpStatus.Waitlisted
            && (s.Course!.StartsAt == null || s.Course.StartsAt > now)
            && (s.Course.Status == CourseStatus.Scheduled || s.Course.Status == CourseStatus.Full));
        var waitingForDevice = db.Reservations.Where(r => r.RegionId == regionId && r.Status == ReservationStatus.Waiting);
        var unanswered = db.HelpRequests.Where(h => h.RegionId == regionId && h.Status == HelpRequestStatus.Open);
        if (municipalityId is { } only)
        {
            waitlisted = waitlisted.Where(s => s.Participant!.MunicipalityId == only);
            waitingForDevice = waitingForDevice.Where(r => r.Participant!.MunicipalityId == only);
            unanswered = unanswered.Where(h => h.MunicipalityId == only);
        }

        var waitingListPlaces = await waitlisted.CountAsync(cancellationToken);
        // Someone queueing for a laptop and a tablet is one person waiting.
        var peopleWaitingForDevice = await waitingForDevice.Select(r => r.ParticipantId).Distinct().CountAsync(cancellationToken);
        var weekAgo = now - UnansweredTooLong;
        var open = await unanswered
            .GroupBy(_ => 1)
            .Select(group => new { All = group.Count(), OlderThanAWeek = group.Count(h => h.CreatedAt < weekAgo) })
            .SingleOrDefaultAsync(cancellationToken);

        var (all, older) = SmallGroupSuppression.WholeAndPart(open?.All ?? 0, open?.OlderThanAWeek ?? 0, threshold);
        return new UnmetDemand(Shown(waitingListPlaces, threshold), Shown(peopleWaitingForDevice, threshold), all, older);
    }

    private static int? Shown(int count, int threshold) => SmallGroupSuppression.IsTooSmall(count, threshold) ? null : count;
}
