using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Sync;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// The public catalogue by region and by distance, and a partner across regions, on PostgreSQL: the same checks as
/// <see cref="CoursesAcrossRegionsTests"/> and <see cref="PartnersAcrossRegionsTests"/>, with the second region built the same way.
/// </summary>
public sealed class PostgreSqlRegionsTests(PostgreSqlApiFactory api) : IClassFixture<PostgreSqlApiFactory>
{
    [PostgreSqlFact]
    public Task The_catalogue_narrows_to_a_region() =>
        new CoursesAcrossRegionsTests(api).Without_a_region_the_catalogue_holds_every_region_and_with_one_only_that_region();

    [PostgreSqlFact]
    public Task Courses_within_a_distance_cross_the_border() =>
        new CoursesAcrossRegionsTests(api).Within_15_km_of_Vleteren_are_the_courses_of_Vleteren_Poperinge_and_Ieper_across_the_border();

    [PostgreSqlFact]
    public Task Help_points_and_devices_narrow_to_a_region() =>
        new CoursesAcrossRegionsTests(api).Help_points_and_device_availability_narrow_to_a_region();

    [PostgreSqlFact]
    public Task A_resident_signs_up_across_the_border() =>
        new CoursesAcrossRegionsTests(api).A_resident_of_Vleteren_signs_up_anonymously_for_a_course_in_Ieper_and_becomes_a_participant_of_regio_Ieper();

    [PostgreSqlFact]
    public Task One_snapshot_spans_two_regions() =>
        new PartnersAcrossRegionsTests(api).One_snapshot_spanning_two_regions_puts_each_course_in_its_places_region();

    [PostgreSqlFact]
    public Task An_offer_outside_the_partners_regions_is_rejected() =>
        new PartnersAcrossRegionsTests(api).An_offer_in_a_region_the_partner_is_not_registered_for_is_rejected_with_its_reason_and_the_rest_applies();

    [PostgreSqlFact]
    public Task The_guard_holds_per_region() =>
        new PartnersAcrossRegionsTests(api).A_snapshot_that_loses_most_of_one_regions_courses_is_held_there_while_the_other_regions_part_applies();
}
