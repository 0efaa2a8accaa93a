namespace ExercisePlanner.Core.Common;

/// <summary>A request made by a named user (<c>--as USER</c>); the user is recorded in the audit trail.</summary>
public interface IActorRequest
{
    string Actor { get; }
}
