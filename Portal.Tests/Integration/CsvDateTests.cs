using System.Text.RegularExpressions;
using Portal.Auth;

namespace Portal.Tests.Integration;

/// <summary>CSV exports carry dates a spreadsheet reads (ISO 8601, Christian Era) whatever the reader's language.</summary>
[Collection(nameof(ServerCollection))]
public partial class CsvDateTests(PortalServer server)
{
    [Fact]
    public async Task A_Thai_reader_gets_ISO_dates_in_the_Christian_Era_and_a_Buddhist_Era_column_beside_them()
    {
        var client = await server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff));   // Thai is the portal's default
        var response = await client.GetAsync("/action-items/export.csv");
        response.EnsureSuccessStatusCode();
        var fileName = response.Content.Headers.ContentDisposition?.FileName ?? "";
        Assert.Matches(@"-20\d\d-\d\d-\d\d\.csv", fileName);   // dated in C.E., not 25xx

        var rows = Rows((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var header = rows[0];
        var dueColumn = header.FindIndex(h => h.Contains("กำหนด"));
        Assert.True(dueColumn >= 0, string.Join(",", header));
        Assert.Contains(header, h => h.Contains("(พ.ศ.)"));

        var dueDates = rows.Skip(1).Select(r => r[dueColumn]).Where(d => d.Length > 0).ToList();
        Assert.NotEmpty(dueDates);
        Assert.All(dueDates, d =>
        {
            Assert.Matches(IsoDate(), d);
            Assert.InRange(DateOnly.ParseExact(d, "yyyy-MM-dd").Year, 2000, 2100);
        });
        Assert.Contains(rows.Skip(1), r => r.Any(BuddhistEraYear().IsMatch));
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<List<string>> Rows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString().TrimEnd('\r')); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b25\d\d\b")]
    private static partial Regex BuddhistEraYear();
}
