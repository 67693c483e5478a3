using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Components.Account;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Audit;
using Portal.Features.Letters;
using Portal.Features.Invitations;
using Portal.Features.Distribution;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Features.Series;
using Portal.Features.Users;
using Portal.Localization;
using Portal.Features.Minutes;
using Portal.Features.Notifications;

namespace Portal.Hosting;

public static class PortalServices
{
    /// <summary>All of the portal's service wiring, in one place.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // A text box sends its whole value to the server in one message. SignalR's default limit (32 KB) closed the
        // circuit when someone pasted a long discussion: 20,000 Thai characters are 60 KB, up to 120 KB escaped.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddMudServices();
        services.AddLocalization();
        // Thai text goes out as UTF-8, not as &#xE20; entities: pages a third the size, and readable in tests.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicAddress>();
        // The framework's host filtering (400 for another Host) with the portal's default: restricted in Production.
        services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(options =>
            options.AllowedHosts = [.. PublicAddress.AllowedHosts(builder.Configuration, builder.Environment.IsProduction())]);

        var dataDirectory = new DataDirectory(builder.Configuration);
        services.AddSingleton(dataDirectory);
        // Keys in the database: every instance behind a load balancer reads the same keys, cookies survive restarts,
        // and a backup carries them.
        services.AddDataProtection()
            .PersistKeysToDbContext<PortalDbContext>()
            .SetApplicationName("KKTT.Portal");
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(
            options => DatabaseSetup.Configure(options, builder.Configuration, dataDirectory), ServiceLifetime.Scoped);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<Printing.PrinterHealthCheck>("printer")
            .AddCheck<Mail.MailHealthCheck>("mail", tags: [Mail.MailHealthCheck.SharedTag]);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization(options => options.AddPortalPolicies());
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IdentityErrorMessages>();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        services.AddScoped<PasswordSignIn>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // Signing in on the sign-in page, the cookie handler itself redirects to the query's ReturnUrl before the page
            // chooses where to go; with a control or Thai character in it that redirect failed the request (500).
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(RedirectTarget.LocalPathOrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        // Sessions on the server: the cookie holds only a session id, and signing out or a revocation deletes the session.
        services.AddSingleton<SignInSessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SignInSessionStore>((options, store) => options.SessionStore = store);
        services.AddSingleton<SessionRevocation>();
        services.AddAntiforgery(options =>
            options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        // Sessions end at once through their rows (SessionRevocation); the stamp check every minute still catches a stamp
        // renewed by other means, and refreshes the roles in a long-lived session.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = SignInSessionStore.KeepClaimsOfThisSignIn;
        });
        services.AddSignInRateLimit(builder.Configuration);

        services.AddFeatureServices();
        services.AddSingleton<Files.FileStore>();
        services.AddSingleton<Mail.MailSender>();
        services.AddHostedService<ReminderJob>();
        services.AddInvitations(builder.Configuration);
        services.AddNotifications();
        services.AddSingleton<Printing.ChromiumPdf>();
        services.AddSingleton<Printing.PrintQuota>();
        services.AddSingleton<Printing.PdfPrinter>();
        services.AddHostedService<Printing.PrinterWatchdog>();
        services.AddScoped<Printing.PrintHtml>();
        return builder;
    }

    /// <summary>The services pages call, one or more a feature, each for one circuit or request.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<OrganizationService>();
        services.AddScoped<PersonService>();
        services.AddScoped<AuditService>();
        services.AddScoped<UserService>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<MeetingService>();
        services.AddScoped<MeetingListService>();
        services.AddScoped<MeetingLinksService>();
        services.AddScoped<SeriesService>();
        services.AddScoped<AgendaService>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<MinutesPdfService>();
        services.AddScoped<Features.CarryForward.CarryForwardService>();
        services.AddScoped<LetterService>();
        services.AddScoped<ActionItemService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<NotificationService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationAnswers>();
        services.AddScoped<InvitationMailer>();
        services.AddScoped<InvitationReminderService>();
        services.AddScoped<Features.Import.ImportService>();
        services.AddScoped<Features.CheckIn.CheckInService>();
        services.AddSingleton<Features.CheckIn.CheckInNotifier>();
        services.AddScoped<Features.Reports.ReportService>();
        services.AddDistribution();
        return services;
    }
}
