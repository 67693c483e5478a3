using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Portal.Components.Shared;

/// <summary>
/// A list's search, filters and view live in its address, so that Back, a reload and a shared link show the same view.
/// Pages read their query values as strings and parse them here: a hand-edited or hostile value is ignored, never an error.
/// </summary>
public static class ListAddress
{
    /// <summary>
    /// Goes to this page with the given query values changed (null or empty removes one). Choices add a step to the
    /// history, so Back returns to the view before; typing (<paramref name="replace"/>) does not add one per pause.
    /// </summary>
    public static void Show(NavigationManager navigation, bool replace, params (string Name, string? Value)[] changes) =>
        navigation.NavigateTo(
            navigation.GetUriWithQueryParameters(changes.ToDictionary(c => c.Name, c => (object?)(string.IsNullOrWhiteSpace(c.Value) ? null : c.Value))),
            replace: replace);

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static TEnum? Choice<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice) ? choice : null;

    /// <summary>A flag is on when present as <c>true</c>, as the dashboard's links write it.</summary>
    public static bool Flag(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public static string? Flag(bool on) => on ? "true" : null;

    /// <summary>A month as <c>2024-07</c>: Western years, so a link reads the same in either language.</summary>
    public static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
        && month.Year is > 1 and < 9999 ? month : null;

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
