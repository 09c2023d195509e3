using System.Globalization;
using System.Text.Json;
using CrmInsight.Domain.Alerts;
using CrmInsight.Web.Alerts;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;

namespace CrmInsight.Web.Api;

/// <summary>
/// <c>GET /api/alerts</c>: the alert rules and the latest history the caller may see (a sales
/// lead: the rules within their teams and those rules' firings). <c>POST /api/alerts</c> with
/// <c>{"name": …, "kpi": …, "comparison": "above"|"below", "threshold": …, "sustain": 1,
/// "filter": "period=7d", "teams": [1], "enabled": true}</c>: a new rule, evaluated at once, as
/// the Alerts page makes one. The caller's scope comes from the principal: a rule naming a team
/// (in "teams" or the filter) outside it is a 403 naming it, a bad field a 400 naming it; either
/// way nothing is written.
/// </summary>
public static class AlertApi
{
    public const string Path = "/api/alerts";

    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ListAsync).RequireAuthorization(Policies.Viewer);
        endpoints.MapPost(Path, CreateAsync).RequireAuthorization(Policies.AlertEditor);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, DatabaseReadiness readiness, AlertStore store, CancellationToken cancellationToken)
    {
        if (RequestErrors.NotReady(readiness) is { } notReady)
        {
            return notReady;
        }
        var scope = PrincipalScope.For(context.User);
        var rules = await store.ListAsync(scope, cancellationToken);
        var history = await store.HistoryAsync(scope, 100, cancellationToken);
        return Results.Ok(new AlertsResponse([.. rules.Select(RuleResponse.Of)], [.. history.Select(EventResponse.Of)]));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, DatabaseReadiness readiness, AlertStore store, AlertMonitor monitor, CancellationToken cancellationToken)
    {
        if (RequestErrors.NotReady(readiness) is { } notReady)
        {
            return notReady;
        }
        var errors = new RequestErrors();
        // JSON only: a cross-site form cannot send it without the browser asking first.
        if (!context.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON only", detail: "Send the rule as application/json.");
        }
        AlertRuleDraft? draft = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            draft = ReadDraft(body.RootElement, errors);
        }
        catch (JsonException ex)
        {
            errors.Add("body", $"The body is not JSON: {ex.Message}");
        }
        if (errors.Any || draft is null)
        {
            return errors.ToResult();
        }

        AlertRule created;
        try
        {
            created = await store.CreateAsync(draft, PrincipalScope.For(context.User), context.User.Identity?.Name, cancellationToken);
        }
        catch (AlertRejectedException rejected)
        {
            foreach (var problem in rejected.Problems)
            {
                if (problem.OutsideScope)
                {
                    errors.AddOutsideScope(problem.Field, problem.Message.For(CultureInfo.InvariantCulture));
                }
                else
                {
                    errors.Add(problem.Field, problem.Message.For(CultureInfo.InvariantCulture));
                }
            }
            return errors.ToResult();
        }
        await monitor.EvaluateRuleAsync(created.Id, cancellationToken);
        return Results.Created($"{Path}/{created.Id}", RuleResponse.Of(created));
    }

    /// <summary>The body as a draft, with each field that has the wrong type named.</summary>
    private static AlertRuleDraft? ReadDraft(JsonElement root, RequestErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "The body must be a JSON object describing one rule.");
            return null;
        }
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var comparison = Text("comparison") switch
        {
            "above" or null => AlertComparison.Above,
            "below" => AlertComparison.Below,
            var other => Invalid(errors, "comparison", $"'{other}' is not 'above' or 'below'."),
        };
        decimal threshold = 0;
        if (!root.TryGetProperty("threshold", out var t) || t.ValueKind != JsonValueKind.Number || !t.TryGetDecimal(out threshold))
        {
            errors.Add("threshold", "A rule needs a numeric threshold.");
        }
        var sustain = 1;
        if (root.TryGetProperty("sustain", out var s) && (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out sustain)))
        {
            errors.Add("sustain", "sustain is a whole number of evaluations.");
        }
        var teams = new List<int>();
        if (root.TryGetProperty("teams", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add("teams", "teams is an array of team ids.");
            }
            else
            {
                foreach (var team in list.EnumerateArray())
                {
                    if (team.ValueKind == JsonValueKind.Number && team.TryGetInt32(out var id) && id > 0)
                    {
                        teams.Add(id);
                    }
                    else
                    {
                        errors.Add("teams", $"'{team}' is not a team id.");
                    }
                }
            }
        }
        var enabled = !root.TryGetProperty("enabled", out var e) || e.ValueKind != JsonValueKind.False;
        return new AlertRuleDraft(Text("name") ?? "", Text("kpi") ?? "", comparison, threshold, sustain, Text("filter") ?? "", teams, enabled);
    }

    private static AlertComparison Invalid(RequestErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return AlertComparison.Above;
    }

    public sealed record AlertsResponse(IReadOnlyList<RuleResponse> Rules, IReadOnlyList<EventResponse> History);

    /// <summary>A rule as the webhooks describe it, with its state.</summary>
    public sealed record RuleResponse(AlertWebhookRule Rule, bool Enabled, bool Firing, decimal? LastValue, string? CreatedBy)
    {
        public static RuleResponse Of(AlertRule rule) => new(AlertWebhookRule.Of(rule), rule.Enabled, rule.IsFiring, rule.LastValue, rule.CreatedBy);
    }

    /// <param name="Teams">The rule's teams when it fired or cleared; null: every team.</param>
    public sealed record EventResponse(long EventId, string Event, int RuleId, string Rule, string Kpi, string Comparison, IReadOnlyList<int>? Teams, decimal? Value, decimal Threshold, long DataVersion, DateTime OccurredAt)
    {
        public static EventResponse Of(AlertEvent e) => new(
            e.Id, e.Kind == AlertEventKind.Fired ? "fired" : "cleared", e.RuleId, e.RuleName, e.KpiId, AlertStore.ComparisonName(e.Comparison),
            e.ScopeTeams?.ToList(), e.Value, e.Threshold, e.DataVersion, DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc));
    }
}
