using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Validation;

namespace Portal.Data;

/// <summary>
/// The one place where text is cleaned before it is stored (<see cref="TextCleaning"/>), whichever page, service, import
/// or command wrote it: every text property the portal's own classes declare (this assembly's, in whatever folder) is
/// one line unless marked <see cref="MultiLineAttribute"/>. Identity's columns (hashes, stamps, normalized names) are
/// the framework's and are left alone, and so is the audit log, which records values already cleaned.
/// </summary>
public static class StoredText
{
    public static void Clean(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is AuditEntry)
            return;
        foreach (var property in entry.Properties)
        {
            // Only what this save writes: an untouched column keeps its value, and the audit shows no change nobody made.
            if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified))
                continue;
            if (property.Metadata.PropertyInfo?.DeclaringType?.Assembly != typeof(StoredText).Assembly)
                continue;
            var multiLine = property.Metadata.PropertyInfo!.IsDefined(typeof(MultiLineAttribute), inherit: true);
            var clean = multiLine ? TextCleaning.MultiLine(text) : TextCleaning.SingleLine(text);
            if (clean.Length == 0 && text.Length > 0 && property.Metadata.IsNullable)
                property.CurrentValue = null; // optional text that held nothing but controls is absent, as blank input is
            else if (!string.Equals(clean, text, StringComparison.Ordinal))
                property.CurrentValue = clean;
        }
    }
}
