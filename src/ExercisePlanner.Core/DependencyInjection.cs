using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using ExercisePlanner.Core.Persistence.Postgres;
using ExercisePlanner.Core.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExercisePlanner.Core;

public static class DependencyInjection
{
    /// <summary>Registers the mediator pipeline, feature handlers and the database (SQLite or PostgreSQL).</summary>
    public static IServiceCollection AddExercisePlanner(this IServiceCollection services, DatabaseSettings database, string? workflowsPath = null)
    {
        var workflows = WorkflowDefinitions.ResolveDirectory(workflowsPath);
        services.AddSingleton(provider => new WorkflowDefinitions(workflows, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditScope>();
        services.AddSingleton(database);
        services.AddSingleton(_ => new WriterGate(database));
        // A host that reads configuration registers its own first; the command line reads Audit__* variables.
        services.TryAddSingleton(_ => AuditKeySettings.FromEnvironment());
        services.AddSingleton<AuditKeyring>();
        services.AddScoped<PlannerAuditedTables>();
        services.AddScoped<IAuditedTables>(provider => provider.GetRequiredService<PlannerAuditedTables>());
        database.AddContext<PlannerDbContext, SqlitePlannerDbContext, PostgresPlannerDbContext>(services);
        services.AddValidatorsFromAssemblyContaining<PlannerDbContext>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton<IsolatedSender>();
        // A host that reads configuration registers its own first; the command line reads Mail__* variables.
        services.TryAddSingleton(_ => Features.Mail.MailSettings.FromEnvironment());
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Features.Proposals.ProposalReadAhead>();
        services.AddScoped<AfterCommit>();
        AddBeforeWriteLock(services);
        services.AddSingleton<Features.Mail.MailSender>();
        services.AddSingleton<Features.Demo.DemoScenario>();
        services.AddMediator(options =>
        {
            // Handlers use the scoped DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)];
        });
        return services;
    }

    /// <summary>
    /// Each <see cref="IBeforeWriteLock{TMessage}"/> of the features, scoped; its handler asks for the same instance by its
    /// class to use what it prepared.
    /// </summary>
    private static void AddBeforeWriteLock(IServiceCollection services)
    {
        foreach (var type in typeof(PlannerDbContext).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            foreach (var service in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IBeforeWriteLock<>)))
            {
                services.AddScoped(type);
                services.AddScoped(service, provider => provider.GetRequiredService(type));
            }
    }

    /// <summary>Brings the database up to date and loads the workflow definitions; a host calls this before serving.</summary>
    public static async Task InitializePlannerAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        await Database.MigrateAsync(db, cancellationToken);
        await services.GetRequiredService<AuditKeyring>().LoadAsync(db, cancellationToken);
        await services.GetRequiredService<WorkflowDefinitions>().SyncAsync(db, cancellationToken);
    }
}
