using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Users;

/// <summary>A user as people know them: display name and title, nation and roles.</summary>
public sealed record PersonView(string Name, string DisplayName, string Title, string Nation, IReadOnlyList<string> Roles)
{
    public static PersonView From(User user) => new(user.Name, user.DisplayName, user.Title, user.Nation, user.Roles);

    /// <summary>The display name, else the user name (accounts created without one).</summary>
    public string Label => DisplayName.Length > 0 ? DisplayName : Name;

    /// <summary>"Brig Gen Khaled Al-Masri (JOR, national approver)": who acted, for which nation, in which role.</summary>
    public string Acting(string nation, string role) => $"{Label} ({nation}, {Words.Role(role)})";

    /// <summary>"Brig Gen Khaled Al-Masri, Director of Training".</summary>
    public string WithTitle => Title.Length > 0 ? $"{Label}, {Title}" : Label;
}
