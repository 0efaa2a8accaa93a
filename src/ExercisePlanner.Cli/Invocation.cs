using System.CommandLine;
using System.Text.Json;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Documents;
using ExercisePlanner.Workflows.Definitions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Cli;

/// <summary>One run of one command: its services, its output, and the mapping of failures to exit codes.</summary>
internal sealed class Invocation : IAsyncDisposable
{
    public static readonly AsyncLocal<TextWriter> Output = new();
    public static readonly AsyncLocal<TextWriter> Error = new();

    private readonly ServiceProvider _services;

    private Invocation(ParseResult parse, ServiceProvider services)
    {
        Parse = parse;
        _services = services;
    }

    public ParseResult Parse { get; }
    public bool WantsJson => Parse.GetValue(PlannerCommandLine.Json);
    public TextWriter Out => Output.Value ?? Console.Out;
    public IServiceProvider Services => _services;
    public IsolatedSender Sender => _services.GetRequiredService<IsolatedSender>();

    public Task<TResponse> Send<TResponse>(ICommand<TResponse> command) => Sender.Send(command);
    public Task<TResponse> Send<TResponse>(IQuery<TResponse> query) => Sender.Send(query);
    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request) => Sender.Send(request);

    /// <summary>Prints the value as JSON with <c>--json</c>, else as the text people read.</summary>
    public void Print<T>(T value, Action<TextWriter> asText)
    {
        if (WantsJson) Out.WriteLine(JsonSerializer.Serialize(value, Core.Common.JsonFormat.Output));
        else asText(Out);
    }

    /// <summary>Runs a command body with its services, turning refusals into one line on stderr and an exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Invocation, Task<int>> body)
    {
        var error = Error.Value ?? Console.Error;
        try
        {
            await using var invocation = await StartAsync(parse);
            return await body(invocation);
        }
        catch (InvalidInputException ex) { return Fail(error, ex.Message, ExitCodes.BadInput); }
        catch (NotFoundException ex) { return Fail(error, ex.Message, ExitCodes.BadInput); }
        catch (ForbiddenException ex) { return Fail(error, "not allowed: " + ex.Message, ExitCodes.BadInput); }
        catch (ConflictException ex) { return Fail(error, "conflict: " + ex.Message, ExitCodes.Conflict); }
        catch (Core.Features.Workflows.UnstaffedException ex) { return Fail(error, ex.Message, ExitCodes.BadInput); }
        catch (IOException ex) { return Fail(error, ex.Message, ExitCodes.BadInput); }
        catch (UnauthorizedAccessException ex) { return Fail(error, ex.Message, ExitCodes.BadInput); }
        catch (InvalidDefinitionException ex)
        {
            // Every problem on its own line, as `workflow validate` prints them: the program refuses to start.
            foreach (var problem in ex.Problems) error.WriteLine(problem);
            return ExitCodes.BadInput;
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return code;
    }

    private static async Task<Invocation> StartAsync(ParseResult parse)
    {
        var database = DatabaseSettings.FromEnvironment(parse.GetValue(PlannerCommandLine.Database));
        var services = new ServiceCollection()
            .AddExercisePlanner(database, parse.GetValue(PlannerCommandLine.Workflows))
            .AddPdfDocuments()
            .BuildServiceProvider(validateScopes: true);
        try
        {
            await services.InitializePlannerAsync();
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
        return new Invocation(parse, services);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
