using System.Net.Mail;
using Microsoft.Extensions.Localization;

namespace Portal.Validation;

/// <summary>A message for one field, as a resource key and its arguments, so the page shows it in the reader's language.</summary>
public sealed record FieldError(string Key, params object[] Args)
{
    public string Localize(IStringLocalizer localizer) => localizer[Key, Args];
}

/// <summary>What a service found wrong with a form, field by field; empty when the form may be saved.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, FieldError> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;
    public IReadOnlyDictionary<string, FieldError> All => errors;
    public FieldError? this[string field] => errors.GetValueOrDefault(field);
    public bool Has(string field) => errors.ContainsKey(field);

    public void Add(string field, string key, params object[] args) => errors.TryAdd(field, new FieldError(key, args));

    /// <summary>Missing also when nothing but control characters was typed: the value is stored without them (<see cref="TextCleaning"/>).</summary>
    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || TextCleaning.SingleLine(value).Length == 0)
            Add(field, "Validation.Required");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
            Add(field, "Validation.MaxLength", max);
    }

    public void Email(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !IsEmail(value.Trim()))
            Add(field, "Validation.Email");
    }

    public void Url(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !IsWebUrl(value.Trim()))
            Add(field, "Validation.Url");
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace);

    /// <summary>Only http and https: a website field must never carry a <c>javascript:</c> or <c>data:</c> link.</summary>
    public static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host) && uri.Host.Contains('.', StringComparison.Ordinal);
}

public sealed record SaveResult(int? Id, FieldErrors Errors, Data.SaveConflict? Conflict = null)
{
    public bool Succeeded => Errors.IsValid && Id is not null && Conflict is null;
    public static SaveResult Invalid(FieldErrors errors) => new(null, errors);
    public static SaveResult Saved(int id) => new(id, new FieldErrors());

    public static SaveResult NotFound()
    {
        var errors = new FieldErrors();
        errors.Add("", "Validation.NotFound");
        return new(null, errors);
    }

    /// <summary>Nothing was saved: someone else saved the record since the form was opened.</summary>
    public static SaveResult Conflicted(Data.SaveConflict conflict)
    {
        var errors = new FieldErrors();
        errors.Add("", "Validation.Conflict");
        return new(null, errors, conflict);
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>One page of a list as the user asked for it.</summary>
public sealed record ListQuery(string? Search, int Page, int PageSize, string? SortBy, bool Descending, bool IncludeDeleted = false)
{
    public int Skip => Math.Max(0, Page) * Math.Clamp(PageSize, 1, 200);
    public int Take => Math.Clamp(PageSize, 1, 200);
}
