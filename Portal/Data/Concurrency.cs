using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Portal.Validation;

namespace Portal.Data;

/// <summary>A record people edit: its version goes up with every save, so a save from an out-of-date form is caught.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A form that remembers which version of the record it was filled from.</summary>
public interface IVersionedForm
{
    int Version { get; set; }
}

/// <summary>Someone else saved the record after this form was opened: who, when, and the fields where the two differ.</summary>
public sealed record SaveConflict(string ChangedBy, DateTime ChangedAt, int CurrentVersion, IReadOnlyList<ConflictField> Fields);

public sealed record ConflictField(string Field, string? Theirs, string? Mine);

/// <summary>
/// Optimistic concurrency for every editable record: nothing is locked while people edit, and a save is refused — never
/// silently applied over another person's — when the record changed in between. The data context raises the version.
/// </summary>
public static class Concurrency
{
    /// <summary>
    /// Applies the form and saves, unless the stored record is newer than the form; then nothing is written and the
    /// result carries the conflict. Also catches a save that slips in between reading and writing.
    /// </summary>
    public static async Task<SaveResult> SaveAsync<TEntity, TForm>(PortalDbContext db, TEntity entity, TForm mine, Func<TEntity, TForm> formOf,
        Action<TEntity> apply, Func<TEntity, int> idOf, CancellationToken cancellationToken)
        where TEntity : class, IVersioned where TForm : IVersionedForm
    {
        if (entity.Version != mine.Version)
            return SaveResult.Conflicted(await DescribeAsync(db, entity, mine, formOf, idOf, cancellationToken));
        apply(entity);
        // Always an UPDATE guarded by the version the form was filled from, even when only child rows changed.
        entity.Version = mine.Version + 1;
        db.Entry(entity).Property(e => e.Version).OriginalValue = mine.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(idOf(entity));
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(entity);
            if (await entry.GetDatabaseValuesAsync(cancellationToken) is not { } stored)
                return SaveResult.NotFound();
            entry.CurrentValues.SetValues(stored);
            entry.OriginalValues.SetValues(stored);
            return SaveResult.Conflicted(await DescribeAsync(db, entity, mine, formOf, idOf, cancellationToken));
        }
    }

    private static async Task<SaveConflict> DescribeAsync<TEntity, TForm>(PortalDbContext db, TEntity stored, TForm mine, Func<TEntity, TForm> formOf,
        Func<TEntity, int> idOf, CancellationToken cancellationToken) where TEntity : class, IVersioned where TForm : IVersionedForm
    {
        var entityType = typeof(TEntity).Name;
        var entityId = idOf(stored).ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.At }).FirstOrDefaultAsync(cancellationToken);
        var fields = new List<ConflictField>();
        foreach (var (field, theirs, ours) in Differences(formOf(stored), mine))
            fields.Add(new ConflictField(field.Name,
                await ConflictValues.TextAsync(db, field, theirs, cancellationToken), await ConflictValues.TextAsync(db, field, ours, cancellationToken)));
        return new SaveConflict(last?.UserName ?? "", last?.At ?? db.UtcNow, stored.Version, fields);
    }

    /// <summary>The form's fields whose values differ, in declaration order.</summary>
    private static IEnumerable<(PropertyInfo Field, object? Theirs, object? Mine)> Differences<TForm>(TForm theirs, TForm mine) =>
        typeof(TForm).GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != nameof(IVersionedForm.Version))
            .Select(p => (p, Theirs: p.GetValue(theirs), Mine: p.GetValue(mine)))
            .Where(f => !string.Equals(Comparable(f.Theirs) ?? "", Comparable(f.Mine) ?? "", StringComparison.Ordinal));

    /// <summary>A value as text that is equal exactly when the values are: lists in any order, strings without outer spaces.</summary>
    private static string? Comparable(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Comparable).Order(StringComparer.Ordinal)),
        _ => value.ToString(),
    };
}
