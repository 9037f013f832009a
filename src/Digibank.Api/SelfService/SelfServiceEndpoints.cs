using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digibank.Api.SelfService;

/// <summary>
/// The pages behind the links in residents' messages. Opening a link only shows what it would do, with one button:
/// mail programs and virus scanners open links on their own, and that must not cancel anyone's seat. The button
/// posts to the same address, which does it, in one transaction, with the same rules as the GraphQL mutations.
/// Plain Dutch, no account, nothing about the person on the page.
/// </summary>
public static class SelfServiceEndpoints
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    private const string Style =
        "body{font:1.25rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}" +
        "button{font:inherit;padding:.75rem 1.5rem;border-radius:.5rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff}";

    /// <summary>
    /// The page loads nothing and runs no script; its one style block is let in by its hash. Its form posts only to
    /// this address, and no other site may show it in a frame, where a click could be steered onto the button.
    /// </summary>
    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddSelfService(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SelfServiceOptions>(configuration.GetSection(SelfServiceOptions.Section));
        return services.AddSingleton(provider => new SelfServiceLinks(
            provider.GetRequiredService<StaffTokens>().DeriveKey("digibank self-service links"),
            provider.GetRequiredService<IOptions<SelfServiceOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
    }

    public static WebApplication MapSelfService(this WebApplication app)
    {
        // On every answer under the links' address, refusals and errors included: the address holds the link's token.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(SelfServiceLinks.Path), pages => pages.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.CacheControl = "no-store";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(http);
        }));
        app.MapGet($"{SelfServiceLinks.Path}/{{token}}", ShowAsync).AddEndpointFilter(InSelfServiceScopeAsync);
        app.MapPost($"{SelfServiceLinks.Path}/{{token}}", DoAsync).DisableAntiforgery().AddEndpointFilter(InSelfServiceScopeAsync);
        return app;
    }

    // The signed token names the participant, in whichever region; the link's own checks decide what it may do.
    private static async ValueTask<object?> InSelfServiceScopeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.SelfService);
        return await next(context);
    }

    private static async Task<IResult> ShowAsync(string token, SelfServiceLinks links, IDbContextFactory<DigibankDbContext> dbContextFactory, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } link)
        {
            return Broken();
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var question = link.Action switch
        {
            SelfServiceAction.CancelSignUp => await db.SignUps.Where(s => s.Id == link.Id).Select(s => new { s.Status, s.Course!.Title, s.Course.StartsAt }).SingleOrDefaultAsync(cancellationToken) is { } signUp
                ? signUp.Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted
                    ? ($"Wil je je inschrijving voor \"{signUp.Title}\"{On(signUp.StartsAt)} annuleren?", "Ja, annuleer mijn inschrijving")
                    : ("Deze inschrijving is al geannuleerd.", null)
                : ("Deze inschrijving bestaat niet meer.", null),
            _ => await db.Reservations.Where(r => r.Id == link.Id).Select(r => new { r.Status, r.Kind, r.ReadyUntil, Point = r.HelpPointId }).SingleOrDefaultAsync(cancellationToken) is { } reservation
                ? (link.Action, reservation.Status) switch
                {
                    (SelfServiceAction.CancelReservation, ReservationStatus.Waiting or ReservationStatus.Ready) =>
                        ($"Heb je de {Lending.NameOf(reservation.Kind)} niet meer nodig? Dan gaat hij naar de volgende op de lijst.", "Ja, annuleer mijn reservatie"),
                    (SelfServiceAction.ConfirmReservation, ReservationStatus.Ready) =>
                        ($"Kom je de {Lending.NameOf(reservation.Kind)} halen ten laatste op {Day(reservation.ReadyUntil)}?", "Ja, ik kom hem halen"),
                    _ => ("Deze reservatie is niet meer actief.", null),
                }
                : ("Deze reservatie bestaat niet meer.", null),
        };
        return Page(question.Item1, question.Item2);
    }

    private static async Task<IResult> DoAsync(
        string token, SelfServiceLinks links, IDbContextFactory<DigibankDbContext> dbContextFactory, WriteQueue writeQueue, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } link)
        {
            return Broken();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        using var turn = await writeQueue.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var desk = new LendingDesk(db, now, links);
        var error = link.Action switch
        {
            SelfServiceAction.CancelSignUp => (await new SignUpBook(db, now, links).CancelAsync(new CancelSignUp(link.Id, token, Staff: null), cancellationToken)).Error,
            SelfServiceAction.CancelReservation => (await desk.CancelReservationAsync(new CancelReservation(link.Id, Staff: null, token), cancellationToken)).Error,
            _ => (await desk.ConfirmReservationAsync(link.Id, cancellationToken)).Error,
        };
        if (error is not null)
        {
            return Page(error switch
            {
                SignUpNotActiveError => "Deze inschrijving was al geannuleerd.",
                ReservationNotWaitingError => "Deze reservatie is niet meer actief.",
                _ => "Dit lukte niet. Bel ons of kom langs: wij helpen je graag.",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Page(link.Action switch
        {
            SelfServiceAction.CancelSignUp => "Je inschrijving is geannuleerd. Bedankt om het te laten weten: zo krijgt iemand anders je plaats.",
            SelfServiceAction.CancelReservation => "Je reservatie is geannuleerd. Bedankt om het te laten weten.",
            _ => "Bedankt! We weten nu dat je het toestel komt halen.",
        });
    }

    private static IResult Broken() =>
        Page("Deze link werkt niet (meer). Misschien is hij verlopen of niet volledig. Bel ons of kom langs: wij helpen je graag.", status: StatusCodes.Status404NotFound);

    private static string On(DateTime? startsAt) => startsAt is { } when ? $" op {MessageTemplates.SpellOutDay(when, Dutch)}" : string.Empty;

    private static string Day(DateTime? until) => until is { } day ? MessageTemplates.SpellOutDay(day, Dutch) : string.Empty;

    private static IResult Page(string text, string? button = null, int status = StatusCodes.Status200OK)
    {
        var form = button is null ? string.Empty : $"""<form method="post"><button type="submit">{WebUtility.HtmlEncode(button)}</button></form>""";
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="nl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
            <title>Digibank regio Poperinge</title>
            <style>{Style}</style></head>
            <body><h1>Digibank regio Poperinge</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}</body>
            </html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
    }
}
