using System.Xml;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>ISO 8601 durations in days, hours and minutes (<c>P14D</c>, <c>PT12H</c>).</summary>
public static class Durations
{
    public static TimeSpan Parse(string iso) => XmlConvert.ToTimeSpan(iso);

    public static bool TryParse(string iso, out TimeSpan value)
    {
        try
        {
            value = Parse(iso);
            return value > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }
}
