using System.Text.Json;
using ExercisePlanner.Core.Domain;
using FluentValidation;
using FluentValidation.Results;

namespace ExercisePlanner.Core.Common;

/// <summary>A validator whose problems name fields as they appear in JSON: <c>participants[2].nation</c>.</summary>
public abstract class JsonValidator<T> : AbstractValidator<T>
{
    static JsonValidator() =>
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
}

public static class Validation
{
    public static void ThrowIfInvalid(this ValidationResult result, string? subject = null)
    {
        if (result.IsValid) return;
        var problems = result.Errors.Select(e => new Problem(e.PropertyName, e.ErrorMessage)).ToList();
        throw new InvalidInputException(problems, subject);
    }
}
