namespace Portal.Features.Meetings;

/// <summary>Who came: "19 คน จาก 19 หน่วยงาน". Those present in person or on someone's behalf count; absentees do not.</summary>
public sealed record AttendanceTally(int People, int Organizations)
{
    public static bool Counts(AttendanceStatus status) => status is AttendanceStatus.Present or AttendanceStatus.OnBehalf;

    public static string OrganizationKey(int? organizationId, int personId) => organizationId?.ToString(CultureInfo.InvariantCulture) ?? $"person:{personId}";

    public static AttendanceTally Of(IEnumerable<Attendee> attendees) =>
        Of(attendees.Select(a => (a.Status, OrganizationKey(a.OrganizationId, a.PersonId))));

    public static AttendanceTally Of(IEnumerable<(AttendanceStatus Status, string OrganizationKey)> attendees)
    {
        var present = attendees.Where(a => Counts(a.Status)).ToList();
        return new AttendanceTally(present.Count, present.Select(a => a.OrganizationKey).Distinct().Count());
    }
}
