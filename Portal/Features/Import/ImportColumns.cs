namespace Portal.Features.Import;

/// <summary>What a column of an uploaded sheet holds.</summary>
public enum ImportField
{
    FullName,
    Honorific,
    GivenName,
    FamilyName,
    FullNameEn,
    GivenNameEn,
    FamilyNameEn,
    Organization,
    Position,
    PositionEn,
    Email,
    Phone,
    Role,
    Status,
    NameTh,
    NameEn,
    Acronym,
    Aliases,
    Province,
    Website,
}

/// <summary>
/// Finds each field's column by its heading, in Thai or English, as people and Google Forms write them: "ชื่อ-นามสกุล",
/// "ชื่อ - สกุล", "Full name", "หน่วยงาน/องค์กร", "E-mail address", "ชื่อ-นามสกุล (Full name)". Spacing, case and
/// punctuation do not count (<see cref="NameMatcher.Key"/>).
/// </summary>
public static class ImportColumns
{
    private static readonly Dictionary<string, ImportField> Headings = Build(new()
    {
        [ImportField.FullName] = ["ชื่อนามสกุล", "ชื่อสกุล", "ชื่อและนามสกุล", "ชื่อนามสกุลผู้เข้าร่วม", "ชื่อผู้เข้าร่วม", "ชื่อผู้เข้าร่วมประชุม",
            "ผู้เข้าร่วม", "ผู้เข้าร่วมประชุม", "ชื่อภาษาไทย", "name", "fullname", "nameth", "thainame", "participant", "attendee", "participantname", "attendeename"],
        [ImportField.Honorific] = ["คำนำหน้า", "คำนำหน้าชื่อ", "คำนำหน้านาม", "title", "prefix", "honorific", "salutation"],
        [ImportField.GivenName] = ["ชื่อ", "ชื่อจริง", "ชื่อต้น", "firstname", "givenname", "first"],
        [ImportField.FamilyName] = ["นามสกุล", "สกุล", "lastname", "surname", "familyname", "last"],
        [ImportField.FullNameEn] = ["ชื่อนามสกุลภาษาอังกฤษ", "ชื่อภาษาอังกฤษ", "ชื่ออังกฤษ", "nameen", "englishname", "fullnameen", "nameinenglish", "fullnameinenglish"],
        [ImportField.GivenNameEn] = ["ชื่อจริงภาษาอังกฤษ", "firstnameen", "givennameen", "firstnameinenglish"],
        [ImportField.FamilyNameEn] = ["นามสกุลภาษาอังกฤษ", "lastnameen", "surnameen", "familynameen", "lastnameinenglish"],
        [ImportField.Organization] = ["หน่วยงาน", "องค์กร", "หน่วยงานองค์กร", "องค์กรหน่วยงาน", "สังกัด", "หน่วยงานต้นสังกัด", "หน่วยงานที่สังกัด", "บริษัท",
            "ชื่อหน่วยงาน", "organization", "organisation", "agency", "affiliation", "company", "institution", "org"],
        [ImportField.Position] = ["ตำแหน่ง", "ตำแหน่งงาน", "ตำแหน่งภาษาไทย", "position", "jobtitle", "designation", "positionth"],
        [ImportField.PositionEn] = ["ตำแหน่งภาษาอังกฤษ", "positionen", "positioninenglish"],
        [ImportField.Email] = ["อีเมล", "อีเมล์", "อีเมลล์", "ที่อยู่อีเมล", "email", "emailaddress", "mail"],
        [ImportField.Phone] = ["โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "หมายเลขโทรศัพท์", "โทร", "มือถือ", "เบอร์มือถือ", "phone", "telephone", "tel",
            "mobile", "phonenumber", "mobilephone"],
        [ImportField.Role] = ["บทบาท", "หน้าที่", "role"],
        [ImportField.Status] = ["สถานะ", "การเข้าร่วม", "สถานะการเข้าร่วม", "status", "attendance"],
        [ImportField.NameTh] = ["ชื่อหน่วยงานภาษาไทย", "ชื่อองค์กรภาษาไทย", "ชื่อไทย", "organizationth", "nameth"],
        [ImportField.NameEn] = ["ชื่อหน่วยงานภาษาอังกฤษ", "ชื่อองค์กรภาษาอังกฤษ", "ชื่ออังกฤษ", "organizationen", "nameen", "englishname"],
        [ImportField.Acronym] = ["ชื่อย่อ", "อักษรย่อ", "ตัวย่อ", "acronym", "abbreviation", "shortname"],
        [ImportField.Aliases] = ["ชื่ออื่น", "ชื่อเรียกอื่น", "aliases", "alias", "othernames"],
        [ImportField.Province] = ["จังหวัด", "province"],
        [ImportField.Website] = ["เว็บไซต์", "เว็บไซท์", "website", "url", "web"],
    });

    /// <summary>Headings whose meaning depends on the register: in an organizations sheet "name" is the organization's.</summary>
    private static readonly Dictionary<string, ImportField> OrganizationHeadings = new(StringComparer.Ordinal)
    {
        ["name"] = ImportField.Organization, ["ชื่อ"] = ImportField.Organization, ["nameth"] = ImportField.NameTh, ["ชื่อภาษาไทย"] = ImportField.NameTh,
        ["nameen"] = ImportField.NameEn, ["englishname"] = ImportField.NameEn, ["ชื่อภาษาอังกฤษ"] = ImportField.NameEn,
    };

    private static Dictionary<string, ImportField> Build(Dictionary<ImportField, string[]> names)
    {
        var map = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, headings) in names)
            foreach (var heading in headings)
                map.TryAdd(NameMatcher.Key(heading), field);
        return map;
    }

    /// <summary>Each field found and the column (0-based) it is in; the first column wins when two say the same.</summary>
    public static Dictionary<ImportField, int> Find(IReadOnlyList<string> headings, ImportKind kind)
    {
        var found = new Dictionary<ImportField, int>();
        for (var i = 0; i < headings.Count; i++)
            if (Match(headings[i], kind) is { } field)
                found.TryAdd(field, i);
        return found;
    }

    private static ImportField? Match(string heading, ImportKind kind)
    {
        // "ชื่อ-นามสกุล (Full name)", "Organization / หน่วยงาน": the whole heading, then each part.
        var candidates = new List<string> { heading };
        candidates.AddRange(heading.Split(['(', ')', '/', '|', ':', '['], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var candidate in candidates)
        {
            var key = NameMatcher.Key(candidate);
            if (key.Length == 0) continue;
            if (kind == ImportKind.Organizations && OrganizationHeadings.TryGetValue(key, out var organizationField)) return organizationField;
            if (Headings.TryGetValue(key, out var field)) return field;
        }
        return null;
    }
}
