using System.CommandLine;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Cli.Commands;

internal static class NotificationCommands
{
    public static Command Build()
    {
        var actor = CommandBuilding.ActingUser();
        var unread = new Option<bool>("--unread") { Description = "only the notifications not yet read" };
        var list = new Command("list", "the user's notifications, newest first").With(actor, unread).Runs(async run =>
        {
            var result = await run.Send(new ListNotifications(run.Parse.GetValue(actor)!, run.Parse.GetValue(unread)));
            run.Print(result.Notifications, o =>
            {
                if (result.Notifications.Count == 0) o.WriteLine(run.Parse.GetValue(unread) ? "no unread notifications" : "no notifications");
                foreach (var n in result.Notifications)
                {
                    o.WriteLine($"{n.Id,5}  {(n.Read ? " " : "*")} {n.CreatedAt:yyyy-MM-dd HH:mm}Z  {n.What}: {n.Proposal} — {n.ProposalName} ({n.Stage})");
                    o.WriteLine($"        {n.Headline}. Expected: {n.Expected}{(n.Due is { } due ? $", by {Words.Time(due)}" : "")}.");
                }
            });
            return ExitCodes.Success;
        });
        return new Command("notifications", "what the planner told a user").With(list);
    }

    public static Command BuildMail()
    {
        var send = new Command("send", "delivers pending e-mail from the outbox once").Runs(async run =>
        {
            var result = await run.Services.GetRequiredService<MailSender>().SendPendingAsync();
            run.Print(result, o => o.WriteLine($"{result.Delivered} delivered, {result.Failed} failed and to be retried, {result.DeadLettered} moved to the dead letters"));
            return ExitCodes.Success;
        });
        return new Command("mail", "the e-mail outbox").With(send);
    }
}
