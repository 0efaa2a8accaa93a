namespace ExercisePlanner.Core.Common;

/// <summary>How long a page of a list may be: the dashboard and the API ask for pages, the command line for everything.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}
