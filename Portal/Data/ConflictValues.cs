using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Portal.Localization;

namespace Portal.Data;

/// <summary>A record a form can point at by id; a conflict shows it by this name rather than by its number.</summary>
public interface INamedRecord
{
    /// <summary>The name in the reader's language (<paramref name="thai"/>), as whoever chose it in a form would know it.</summary>
    string ReferenceName(bool thai);
}

/// <summary>A form field holding the id of a record, or a list of ids, that a conflict names rather than numbers.</summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class ReferenceAttribute : Attribute
{
    internal abstract Task<List<string>> NamesAsync(PortalDbContext db, List<int> ids, bool thai, CancellationToken cancellationToken);
}

/// <summary>The field holds the id (or ids) of a <typeparamref name="TRecord"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RefersToAttribute<TRecord> : ReferenceAttribute where TRecord : class, INamedRecord
{
    /// <summary>Deleted records included: a form may still point at one.</summary>
    internal override async Task<List<string>> NamesAsync(PortalDbContext db, List<int> ids, bool thai, CancellationToken cancellationToken) =>
        (await db.Set<TRecord>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(EF.Property<int>(r, "Id"))).ToListAsync(cancellationToken))
            .Select(r => r.ReferenceName(thai)).ToList();
}

/// <summary>
/// A form's value as a person reads it in the conflict table: the record a reference field points to by name rather
/// than by id (<see cref="RefersToAttribute{TRecord}"/>), choices by their label, dates in the reader's calendar.
/// </summary>
internal static class ConflictValues
{
    public static async Task<string?> TextAsync(PortalDbContext db, PropertyInfo field, object? value, CancellationToken cancellationToken)
    {
        var thai = PortalCultures.IsThai();
        var reference = field.GetCustomAttribute<ReferenceAttribute>();
        return value switch
        {
            null => null,
            string text => text.Trim(),
            int id when reference is not null => await NamesAsync(db, reference, [id], thai, cancellationToken),
            IEnumerable<int> ids when reference is not null => await NamesAsync(db, reference, [.. ids], thai, cancellationToken),
            Enum choice => BilingualText.Get($"{choice.GetType().Name}.{choice}", thai),
            DateTime date => ThaiDates.LongDate(DateOnly.FromDateTime(date)),
            TimeSpan time => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            IEnumerable list => string.Join(", ", list.Cast<object?>().Select(item => item?.ToString())),
            _ => value.ToString(),
        };
    }

    /// <summary>The names in the reader's language, in a fixed order.</summary>
    private static async Task<string> NamesAsync(PortalDbContext db, ReferenceAttribute reference, List<int> ids, bool thai, CancellationToken cancellationToken) =>
        string.Join(", ", (await reference.NamesAsync(db, ids, thai, cancellationToken)).Order(StringComparer.Ordinal));
}
