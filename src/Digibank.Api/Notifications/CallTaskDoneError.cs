using System.ComponentModel;

namespace Digibank.Api.Notifications;

[Description("The person was reached already; the task is done.")]
public sealed record CallTaskDoneError(string Message) : UserError(Message, "CALL_TASK_DONE");
