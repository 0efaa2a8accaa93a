using ExercisePlanner.Core;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Testing;

/// <summary>The planner's services as a host composes them, on a given database and, for tests, a given clock.</summary>
public static class PlannerServices
{
    public static ServiceProvider Build(DatabaseSettings database, TimeProvider? clock = null, string? workflows = null,
        Core.Features.Mail.MailSettings? mail = null)
    {
        var services = new ServiceCollection();
        if (clock is not null) services.AddSingleton(clock);
        if (mail is not null) services.AddSingleton(mail);
        return services.AddExercisePlanner(database, workflows).AddPdfDocuments().BuildServiceProvider(validateScopes: true);
    }
}
