namespace ExercisePlanner.Core.Domain;

/// <summary>One problem with input, named by where it is (a JSON path or an option) and what is wrong.</summary>
public sealed record Problem(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

/// <summary>
/// Input was refused; nothing was changed. Hosts map it to exit code 2 / HTTP 400.
/// The subject, when known, names what was read (a file, a proposal code) so the message says where.
/// </summary>
public sealed class InvalidInputException(IReadOnlyList<Problem> problems, string? subject = null)
    : Exception((subject is null ? "" : subject + ": ") + string.Join("; ", problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
    public string? Subject { get; } = subject;

    public InvalidInputException(string path, string message) : this([new Problem(path, message)]) { }
}

/// <summary>A thing named in the request does not exist. Exit code 2 / HTTP 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The actor may not do this. Exit code 2 / HTTP 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request clashes with the current state (already decided, wrong status). Exit code 3 / HTTP 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The thing changed since the client read it (its version differs). Exit code 3 / HTTP 412.</summary>
public sealed class StaleVersionException(string message) : Exception(message);
