using System.Diagnostics;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Issue 13: how many messages a second <see cref="MailSender"/> delivers from the outbox to a real SMTP
/// server on loopback (the SmtpServer package, in this process), each claimed, sent and recorded as in production.
/// </summary>
public static class MailThroughput
{
    public static async Task PrintAsync(DatabaseSettings database, int messages)
    {
        await using var smtp = await LoopbackSmtp.StartAsync();
        var settings = new MailSettings { Host = "127.0.0.1", Port = smtp.Port, Security = MailSecurity.None };
        await using var services = PlannerServices.Build(database, mail: settings);
        await services.InitializePlannerAsync();
        Console.WriteLine($"mail to a loopback SMTP server, {database.Provider}, {messages} messages of ~400 bytes, batches of {settings.BatchSize}");

        foreach (var round in new[] { "first", "second" })
        {
            await FillAsync(services, messages);
            var watch = Stopwatch.StartNew();
            var run = await services.GetRequiredService<MailSender>().SendPendingAsync();
            watch.Stop();
            if (run.Delivered != messages) throw new InvalidOperationException($"delivered {run.Delivered} of {messages}");
            Console.WriteLine($"  {round} run: {messages} delivered in {watch.Elapsed.TotalSeconds:F1} s = {messages / watch.Elapsed.TotalSeconds:F0} messages/s");
        }

        // What SMTP alone allows: the same messages over the production transport, nothing claimed or recorded.
        await using var scope = services.CreateAsyncScope();
        var sample = scope.ServiceProvider.GetRequiredService<PlannerDbContext>().OutboxMessages.OrderBy(m => m.Id).Take(messages).ToList();
        await using var transport = await IMailTransport.OpenAsync(settings, CancellationToken.None);
        var alone = Stopwatch.StartNew();
        foreach (var message in sample) await transport.SendAsync(MailComposer.ToMime(message, settings), CancellationToken.None);
        alone.Stop();
        Console.WriteLine($"  SMTP alone: {messages} in {alone.Elapsed.TotalSeconds:F1} s = {messages / alone.Elapsed.TotalSeconds:F0} messages/s");
    }

    private static async Task FillAsync(IServiceProvider services, int messages)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < messages; i++)
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = $"{Guid.NewGuid():N}@exerciseplanner", Recipient = $"user{i % 50}", To = $"user{i % 50}@example.org",
                Subject = $"[RESTRICTED — REL TO JOR, TUR, PAK] Your decision is needed: BENCH-{i:0000}",
                Body = $"RESTRICTED — REL TO JOR, TUR, PAK\n\nProposal: BENCH-{i:0000} — Benchmark {i}\nStage: National review\n" +
                       $"Open: http://localhost:5080/proposals/BENCH-{i:0000}#step-{i}\n\nRESTRICTED — REL TO JOR, TUR, PAK\n",
                Status = MailStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        await db.SaveChangesAsync();
    }
}
