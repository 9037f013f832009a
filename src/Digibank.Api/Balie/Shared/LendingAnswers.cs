using Digibank.Api.Courses;
using Digibank.Api.Devices;

namespace Digibank.Api.Balie.Shared;

/// <summary>
/// The lending and sign-up services' refusals, said in Dutch with what to do, next to the field they are about:
/// the same answer on every page that lends, renews, takes back, wipes, reserves or signs up.
/// </summary>
public static class LendingAnswers
{
    /// <summary>Explains <paramref name="error"/>; <paramref name="person"/> is the borrower's or participant's first name.</summary>
    public static void Explain(UserError error, FormErrors errors, string person = "Deze persoon")
    {
        switch (error)
        {
            case DeviceNotAvailableError:
                errors.Field("deviceId", "Dit toestel is net uitgeleend of klaargezet voor iemand anders. Kies een ander toestel.");
                break;
            case BorrowerHasOverdueLoanError overdue:
                errors.Form($"{person} moet eerst een toestel terugbrengen dat op {CounterWords.Day(overdue.DueAt)} terug moest. Neem dat toestel eerst terug.");
                break;
            case LoanLimitReachedError limit:
                errors.Form($"{person} leent al {limit.MaxOpenLoans} toestel(len) van deze soort. Meer mag niet tegelijk: neem er eerst een terug.");
                break;
            case QueueHasPriorityError queue:
                errors.Field("deviceId", $"Er wachten {queue.Waiting} mensen op deze soort toestel. Zij krijgen het eerst. Reserveer er een voor {person} op de pagina van de persoon.");
                break;
            case InvalidInputError { Field: "dueAt" }:
                errors.Field("dueAt", "Kies een datum na vandaag en niet later dan de gewone termijn. Langer houden kan later met Verlengen.");
                break;
            case RenewalLimitReachedError renewals:
                errors.Form($"Deze uitlening is al {renewals.RenewalsAllowed} keer verlengd. Meer mag niet: het toestel moet terug.");
                break;
            case WaitingListError waiting:
                errors.Form($"Er wachten {waiting.Waiting} mensen op deze soort toestel. Daarom kan de uitlening niet verlengd worden.");
                break;
            case LoanAlreadyReturnedError:
                errors.Form("Dit toestel is al teruggebracht. Kijk bij Uitlenen of het nog gewist moet worden.");
                break;
            case WipeChecklistIncompleteError left:
                errors.Field("steps", $"Vink elke stap aan als ze gedaan is. Nog te doen: {string.Join(" ", left.StepsLeft.Select(CounterWords.Of))}");
                break;
            case DeviceDamagedError:
                errors.Field("condition", "Dit toestel is beschadigd. Het blijft in onderhoud tot het hersteld is. Is het hersteld? Kies dan de staat na de controle.");
                break;
            case DeviceNotInMaintenanceError:
                errors.Form("Dit toestel wacht niet op wissen: het is niet teruggenomen. Ga terug naar Uitlenen.");
                break;
            case LendingNotOfferedError:
                errors.Field("reserveHelpPointId", "Dit hulppunt leent deze soort toestel niet uit. Kies een ander hulppunt of een ander toestel.");
                break;
            case AlreadyInQueueError queued:
                errors.Form($"{person} wacht al op deze soort toestel in dit hulppunt (plaats {queued.Position}).");
                break;
            case ReservationNotWaitingError:
                errors.Form("Deze reservering is niet meer actief. Laad de pagina opnieuw.");
                break;
            default:
                ExplainSignUp(error, errors, person);
                break;
        }
    }

    private static void ExplainSignUp(UserError error, FormErrors errors, string person)
    {
        switch (error)
        {
            case CourseNotOpenError:
                errors.Field("courseId", "Voor deze cursus kan niemand zich nog inschrijven. Kies een andere cursus.");
                break;
            case SignUpDeadlinePassedError deadline:
                errors.Field("courseId", $"De inschrijvingen voor deze cursus zijn gesloten op {CounterWords.Moment(deadline.Deadline)}. Kies een andere cursus.");
                break;
            case AlreadySignedUpError already:
                errors.Field("courseId", $"{person} is al ingeschreven voor deze cursus en {CounterWords.Of(already.Status, null)}.");
                break;
            case SignUpNotActiveError:
                errors.Form("Deze inschrijving is niet meer actief. Laad de pagina opnieuw.");
                break;
            case NotAllowedError:
                errors.Form("Dit hoort bij een hulppunt waar u niet werkt. Vraag het aan een medewerker van dat hulppunt of aan de coördinator.");
                break;
            case NotFoundError:
                errors.Form("Dit is niet (meer) gevonden. Laad de pagina opnieuw en kies opnieuw.");
                break;
            default:
                errors.Form("Dit lukt niet. Probeer het opnieuw, of vraag hulp aan de coördinator.");
                break;
        }
    }
}
