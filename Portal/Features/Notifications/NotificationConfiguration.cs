using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Auth;

namespace Portal.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(n => n.UserId).HasMaxLength(450);
        e.Property(n => n.TitleTh).HasMaxLength(500);
        e.Property(n => n.TitleEn).HasMaxLength(500);
        e.Property(n => n.Detail).HasMaxLength(300);
        e.Property(n => n.ActorName).HasMaxLength(256);
        e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(n => n.Delivery).HasConversion<string>().HasMaxLength(20);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(n => new { n.UserId, n.ReadAt });
        e.HasIndex(n => new { n.Delivery, n.DigestedAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.HasKey(p => new { p.UserId, p.Kind });
        e.Property(p => p.UserId).HasMaxLength(450);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> e)
    {
        e.Property(m => m.Key).HasMaxLength(400);
        e.HasIndex(m => m.Key).IsUnique();
        e.Property(m => m.To).HasMaxLength(320);
        e.Property(m => m.ClaimToken).HasMaxLength(40);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.HasIndex(m => m.SentAt);
    }
}
