namespace ExercisePlanner.Core.Domain;

/// <summary>A person acting for one nation in one or more roles (the names workflow steps ask for).</summary>
public sealed class User
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    private User() { } // for EF Core

    public User(string name, string nation, IEnumerable<string> roles, string title)
    {
        Name = name;
        Nation = nation;
        Roles = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        Title = title;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Nation { get; private set; } = "";
    public List<string> Roles { get; private set; } = [];
    public string Title { get; private set; } = "";

    public bool HasRole(string role) => Roles.Contains(role);
}
