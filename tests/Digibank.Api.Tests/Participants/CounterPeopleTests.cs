using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Participants;

/// <summary>
/// A person registered at the counter without e-mail or phone is the same person each time staff pick them: signed up,
/// reserving, never stored twice; and registering follows the rules of a resident's own sign-up.
/// </summary>
public sealed class CounterPeopleTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task A_person_without_contact_picked_at_the_counter_is_signed_up_and_queued_as_themselves()
    {
        var staff = await StaffAsync();
        var people = api.Services.GetRequiredService<CounterPeople>();
        var town = await api.MunicipalityGlobalIdAsync();
        var registered = await people.RegisterAsync(new RegisterParticipantInput("Bertha", null, null, town, TargetGroup.Seniors, Consent: true, SmsConsent: false), false, staff, CancellationToken.None);
        var personId = registered.ParticipantId!.Value;
        var course = await OpenCourseAtAsync(staff.HelpPointIds.Single());
        var signUps = api.Services.GetRequiredService<CounterSignUps>();
        var lending = api.Services.GetRequiredService<CounterLending>();
        var before = await CountPeopleAsync();

        var signedUp = await signUps.SignUpAsync(staff, course, personId, CancellationToken.None);
        var again = await signUps.SignUpAsync(staff, course, personId, CancellationToken.None);
        var queued = await lending.ReserveAsync(staff, staff.HelpPointIds.Single(), DeviceKind.Tablet, personId, CancellationToken.None);
        var queuedAgain = await lending.ReserveAsync(staff, staff.HelpPointIds.Single(), DeviceKind.Tablet, personId, CancellationToken.None);
        var unknown = await signUps.SignUpAsync(staff, course, 999_999, CancellationToken.None);

        Assert.Empty(registered.Errors);
        Assert.Equal(personId, signedUp.Value!.SignUp.ParticipantId);
        Assert.IsType<AlreadySignedUpError>(again.Error);
        Assert.Equal(personId, queued.Value!.Reservation.ParticipantId);
        Assert.IsType<AlreadyInQueueError>(queuedAgain.Error);
        Assert.IsType<NotFoundError>(unknown.Error);
        Assert.Equal(before, await CountPeopleAsync());
    }

    [Fact]
    public async Task Registering_at_the_counter_asks_for_consent_names_each_wrong_field_and_is_not_for_digibuddies()
    {
        var people = api.Services.GetRequiredService<CounterPeople>();
        var town = await api.MunicipalityGlobalIdAsync();
        var digibuddy = new StaffUser("test:digibuddy", "Noor", StaffRole.Digibuddy, Region.FirstRegionId, new HashSet<int>(), 1);

        var wrong = await people.RegisterAsync(new RegisterParticipantInput("R2D2", "geen-adres", null, "", TargetGroup.Everyone, Consent: false, SmsConsent: false), false, await StaffAsync(), CancellationToken.None);
        var byDigibuddy = await people.RegisterAsync(new RegisterParticipantInput("Bertha", null, null, town, TargetGroup.Everyone, Consent: true, SmsConsent: false), false, digibuddy, CancellationToken.None);

        Assert.Null(wrong.ParticipantId);
        Assert.Equal(["email", "firstName", "municipalityId"], wrong.Errors.OfType<InvalidInputError>().Select(e => e.Field).Order());
        Assert.Single(wrong.Errors.OfType<ConsentRequiredError>());
        Assert.IsType<NotAllowedError>(Assert.Single(byDigibuddy.Errors));
        Assert.Empty((await people.SearchAsync(digibuddy, "Marleen", CancellationToken.None)).People);
    }

    private async Task<StaffUser> StaffAsync() =>
        new("test:counter", "Els", StaffRole.Staff, Region.FirstRegionId, new HashSet<int> { await api.HelpPointIdAsync(LendingTestData.Library) }, null);

    private async Task<int> OpenCourseAtAsync(int helpPointId)
    {
        await using var db = api.CreateDbContext();
        var now = DigibankApiFactory.Now.UtcDateTime;
        return await db.Courses.Where(c => c.HelpPointId == helpPointId && c.Status == CourseStatus.Scheduled && c.StartsAt > now && c.SignUpDeadline > now)
            .OrderBy(c => c.StartsAt).Select(c => c.Id).FirstAsync();
    }

    private async Task<int> CountPeopleAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.Participants.CountAsync();
    }
}
