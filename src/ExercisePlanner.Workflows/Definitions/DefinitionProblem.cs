namespace ExercisePlanner.Workflows.Definitions;

/// <summary>One problem in a definition file: <c>FILE: json-path: message</c>.</summary>
public sealed record DefinitionProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>Definitions that cannot be used; a host refuses to start with them.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
