namespace Digibank.Api.Partners;

public enum PartnerKind
{
    Municipality,
    Library,
    AdultEducation,
    EmploymentService,
    SocialOrganisation,
    RegionalAgency,
}
