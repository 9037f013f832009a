using Digibank.Api.Data;
using Digibank.Api.Participants;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Notifications;

/// <summary>
/// Writes messages into the caller's unit of work, choosing how each reaches its person: an e-mail to an e-mail
/// address; a text to a mobile number whose owner agreed to texts, when an SMS gateway is set; otherwise a task
/// on the call list of the help point involved, with the text to read out (without the links).
/// </summary>
public sealed class MessageWriter(SelfServiceLinks links, IOptions<NotificationOptions> options)
{
    public NotificationChannel ChannelFor(Participant person) =>
        person.Email is not null ? NotificationChannel.Email
        : person.Phone is not null && person.SmsConsentGivenAt is not null && options.Value.Sms.IsSet ? NotificationChannel.Sms
        : NotificationChannel.CallList;

    public void Write(DigibankDbContext db, Outgoing outgoing)
    {
        var (person, reason, language, facts, helpPointId, at, sequence, occasion, signUpId, reservationId) = outgoing;
        var channel = ChannelFor(person);
        var withLinks = channel != NotificationChannel.CallList;
        if (withLinks)
        {
            facts = facts with
            {
                CancelLink = signUpId is { } signUp ? links.Url(SelfServiceAction.CancelSignUp, signUp)
                    : reservationId is { } reservation ? links.Url(SelfServiceAction.CancelReservation, reservation)
                    : null,
                ConfirmLink = reservationId is { } toConfirm ? links.Url(SelfServiceAction.ConfirmReservation, toConfirm) : null,
            };
        }

        var message = MessageTemplates.Render(reason, language, facts, withLinks);
        var notification = db.Notifications.Add(new Notification
        {
            EventSequence = sequence,
            Occasion = occasion,
            ParticipantId = person.Id,
            RegionId = person.RegionId,
            Reason = reason,
            Channel = channel,
            Status = withLinks ? NotificationStatus.Pending : NotificationStatus.Sent,
            HelpPointId = helpPointId,
            Recipient = channel == NotificationChannel.Email ? person.Email : person.Phone,
            Subject = message.Subject,
            Body = message.Body,
            NextAttemptAt = at,
            CreatedAt = at,
            SentAt = withLinks ? null : at,
        }).Entity;
        if (!withLinks)
        {
            var task = db.CallTasks.Add(new CallTask
            {
                Notification = notification,
                ParticipantId = person.Id,
                RegionId = person.RegionId,
                HelpPointId = helpPointId,
                Reason = reason,
                Script = message.Body,
                Outcome = CallOutcome.Open,
                CreatedAt = at,
            }).Entity;
            db.Raise(() => new CallTaskAdded(task.Id, helpPointId, reason, at, task.RegionId));
        }
    }
}
