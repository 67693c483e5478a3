using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Portal.Exports;
using Portal.Hosting;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.ActionItems;

public static class ActionItemEndpoints
{
    public static IEndpointRouteBuilder MapActionItemEndpoints(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/action-items").RequireAuthorization().HoldsPersonalData();

        // The list as filtered on screen; the same query decides what a partner may export as what it may see.
        items.MapGet("/export.csv", async ([AsParameters] ActionItemExportQuery query, ActionItemService service, Audit.AuditService audit, CancellationToken cancellationToken) =>
        {
            var rows = await service.ExportAsync(query.Q, query.ToFilter(), query.Sort, query.Desc, cancellationToken);
            var thai = PortalCultures.IsThai();
            string H(string key) => BilingualText.Get(key, thai);
            // The due date as ISO 8601 (C.E.), which every spreadsheet reads as a date; Thai readers also get it in the Buddhist Era, as text.
            var lines = new List<IReadOnlyList<string?>>
            {
                new[] { "ID", H("ActionItem.Title"), H("ActionItem.Owners"), H("ActionItem.Assignee"), H("ActionItem.DueDate") }
                    .Concat(thai ? [Csv.BuddhistEraHeader(H("ActionItem.DueDate"))] : [])
                    .Concat([H("ActionItem.Priority"), H("ActionItem.Status"), H("ActionItem.Meeting"), H("ActionItem.LatestUpdate")]).ToArray(),
            };
            lines.AddRange(rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Title(thai), string.Join(", ", r.Owners), r.Assignee?.Get(thai),
                Csv.IsoDate(r.DueDate), .. thai ? [Csv.BuddhistEraDate(r.DueDate)] : Array.Empty<string?>(),
                H($"ActionPriority.{r.Priority}"), H($"ActionStatus.{r.Status}"), r.MeetingTitle(thai), r.LatestUpdate,
            ]));
            await audit.RecordAsync(nameof(ActionItem), "export.csv", Data.AuditAction.Exported, new { Rows = rows.Count, query }, cancellationToken);
            return Results.File(Csv.Write(lines), Csv.ContentType, Csv.FileName("action-items", service.Today));
        });

        items.MapGet("/{id:int}/updates/{updateId:int}/attachment", async (int id, int updateId, ActionItemService service, HttpContext http, CancellationToken cancellationToken) =>
        {
            var opened = await service.OpenAttachmentAsync(id, updateId, cancellationToken);
            if (opened is not { } found) return Results.NotFound();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(found.Content, found.Update.AttachmentContentType, found.Update.AttachmentFileName);
        });
        return app;
    }
}

/// <summary>The list's filters as the export link carries them.</summary>
public sealed record ActionItemExportQuery(
    string? Q, ActionStatus? Status, int? Org, int? Assignee, int? Meeting, bool Overdue = false, bool Week = false, bool Active = false,
    string? Sort = null, bool Desc = false)
{
    public ActionItemFilter ToFilter() => new(Status, Org, Assignee, Meeting, Overdue, Week, Active);

    public static string Link(string? search, ActionItemFilter filter, string? sort, bool descending) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("action-items/export.csv",
            ListParameters(search, filter).Append((Name: "sort", Value: sort)).Append((Name: "desc", Value: descending ? "true" : null))
                .Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Name, p => p.Value));

    /// <summary>The search and filters as the list's own address carries them too (with the same names), null where unset.</summary>
    public static (string Name, string? Value)[] ListParameters(string? search, ActionItemFilter filter) =>
    [
        ("q", search), ("status", filter.Status?.ToString()), ("org", filter.OrganizationId?.ToString(CultureInfo.InvariantCulture)), ("assignee", filter.AssigneeId?.ToString(CultureInfo.InvariantCulture)),
        ("meeting", filter.MeetingId?.ToString(CultureInfo.InvariantCulture)), ("overdue", filter.OverdueOnly ? "true" : null), ("week", filter.DueWithinWeek ? "true" : null),
        ("active", filter.ActiveOnly ? "true" : null),
    ];
}
