using System.Reflection;
using Portal.Data;

namespace Portal.Tests.Unit;

/// <summary>
/// Which fields of the edited forms a conflict shows by the name of the record they point at, and of which record: each
/// form declares it (<see cref="RefersToAttribute{TRecord}"/>); this list pins it, so that a reference is named, or left
/// a number, by decision.
/// </summary>
public class ConflictReferencesTests
{
    [Fact]
    public void The_reference_fields_of_the_edited_forms_name_these_records()
    {
        var references = typeof(PortalDbContext).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IVersionedForm).IsAssignableFrom(t))
            .SelectMany(form => form.GetProperties().Select(field => (form, field, reference: field.GetCustomAttribute<ReferenceAttribute>())))
            .Where(f => f.reference is not null)
            .Select(f => $"{f.form.Name}.{f.field.Name} → {f.reference!.GetType().GetGenericArguments().Single().Name}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "ActionItemForm.AgendaItemId → AgendaItem",
            "ActionItemForm.AssigneeId → Person",
            "ActionItemForm.MeetingId → Meeting",
            "ActionItemForm.OwnerOrganizationIds → Organization",
            "AgendaItemForm.PresenterId → Person",
            "AttendeeForm.OnBehalfOfPersonId → Person",
            "AttendeeForm.OrganizationId → Organization",
            "AttendeeForm.PersonId → Person",
            "MeetingForm.CoHostOrganizationIds → Organization",
            "MeetingForm.HostOrganizationId → Organization",
            "MeetingForm.PreviousMeetingId → Meeting",
            "MeetingForm.SeriesId → MeetingSeries",
            "OrganizationForm.ParentId → Organization",
            "PersonForm.OrganizationId → Organization",
            "SeriesForm.HostOrganizationId → Organization",
        ], references);
    }
}
