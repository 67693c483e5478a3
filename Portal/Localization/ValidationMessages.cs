using System.Globalization;
using System.Resources;

namespace Portal.Localization;

/// <summary>
/// Messages for DataAnnotations attributes in the reader's language: an attribute names one of these properties with
/// <c>ErrorMessageResourceType = typeof(ValidationMessages), ErrorMessageResourceName = nameof(ValidationMessages.Required)</c>,
/// and each reads SharedResource in the current UI culture when the message is formatted.
/// </summary>
public static class ValidationMessages
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Required => Get("Validation.Required");
    public static string Email => Get("Validation.Email");
    public static string Phone => Get("Validation.Phone");
    /// <summary>{1} is the maximum and {2} the minimum, as StringLengthAttribute formats them.</summary>
    public static string Length => Get("Validation.Length");
    /// <summary>{1} is the maximum, as StringLengthAttribute formats it.</summary>
    public static string TooLong => Get("Validation.TooLong");
    public static string PasswordsDiffer => Get("Validation.PasswordsDiffer");
}
