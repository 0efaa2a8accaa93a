using System.Text.Json;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// The planner's state. Abstract because each provider has its own subclass, and EF finds a
/// provider's migrations by that type (<see cref="Sqlite.SqlitePlannerDbContext"/>, <see cref="Postgres.PostgresPlannerDbContext"/>).
/// </summary>
public abstract class PlannerDbContext(DbContextOptions options, AuditScope auditScope, TimeProvider clock, WriterGate writers, AuditKeyring keyring)
    : DbContext(options)
{
    public DbSet<Nation> Nations => Set<Nation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalRevision> ProposalRevisions => Set<ProposalRevision>();
    public DbSet<ProposalComment> ProposalComments => Set<ProposalComment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredDefinition> WorkflowDefinitions => Set<StoredDefinition>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<WorkflowStep> WorkflowSteps => Set<WorkflowStep>();
    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    private readonly List<object> _appended = [];

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no offset-aware time type; UTC text keeps comparisons and ordering in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Nation>(nation =>
        {
            nation.HasKey(n => n.Code);
            nation.Property(n => n.Code).HasMaxLength(3);
            nation.HasData(Nation.All);
        });

        model.Entity<User>(user =>
        {
            user.HasIndex(u => u.Name).IsUnique();
            user.Property(u => u.Name).HasMaxLength(100);
            user.Property(u => u.Nation).HasMaxLength(3);
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.HasOne<Nation>().WithMany().HasForeignKey(u => u.Nation).OnDelete(DeleteBehavior.Restrict);
            user.Property(u => u.MailPreference).HasConversion<string>().HasMaxLength(20);
            user.Property(u => u.Email).HasMaxLength(254);
            user.HasIndex(u => u.CalendarTokenHash).IsUnique();
            // Fail closed: a deactivated user is nobody to every query (staffing, delegation, notifications, sign-in)
            // unless it asks for them by IgnoreQueryFilters, as pages naming past deciders do.
            user.HasQueryFilter(u => u.DeactivatedAt == null);
        });

        model.Entity<Proposal>(proposal =>
        {
            proposal.HasIndex(p => p.Code).IsUnique();
            proposal.Property(p => p.Code).HasMaxLength(32);
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            proposal.Property(p => p.Content).HasConversion(ContentConverter, ContentComparer);
            proposal.Property(p => p.Version).IsConcurrencyToken();
            proposal.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.ProposalId);
            proposal.Navigation(p => p.Revisions).HasField("_revisions");
            proposal.Property(p => p.Type).HasConversion<string>().HasMaxLength(10);
            proposal.Property(p => p.WithdrawalReason).HasMaxLength(1000);
            proposal.OwnsMany(p => p.Nations, nation =>
            {
                nation.ToTable("ProposalNations");
                nation.WithOwner().HasForeignKey("ProposalId");
                nation.Property(n => n.Nation).HasMaxLength(3);
                nation.HasKey("ProposalId", nameof(ProposalNation.Nation));
                // The dashboard: proposals a nation takes part in.
                nation.HasIndex(nameof(ProposalNation.Nation), "ProposalId");
            });
            proposal.Navigation(p => p.Nations).HasField("_nations");
        });

        model.Entity<ProposalRevision>(revision =>
        {
            revision.HasIndex(r => new { r.ProposalId, r.Number }).IsUnique();
            revision.Property(r => r.Content).HasConversion(ContentConverter, ContentComparer);
        });

        model.Entity<ProposalComment>(comment =>
        {
            comment.Property(c => c.Proposal).HasMaxLength(32);
            comment.Property(c => c.Author).HasMaxLength(100);
            comment.Property(c => c.Text).HasMaxLength(ProposalComment.MaxLength);
            comment.HasIndex(c => new { c.Proposal, c.Revision });
        });

        model.Entity<StoredDefinition>(definition =>
        {
            definition.ToTable("WorkflowDefinitions");
            definition.HasKey(d => new { d.Id, d.Version });
        });

        model.Entity<WorkflowInstance>(instance =>
        {
            instance.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            instance.Property(i => i.Version).IsConcurrencyToken();
            instance.HasIndex(i => new { i.SubjectKey, i.SubjectRevision });
            instance.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.InstanceId);
        });

        model.Entity<WorkflowStep>(step =>
        {
            step.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            step.Property(s => s.Decision).HasConversion<string>().HasMaxLength(20);
            step.Property(s => s.Version).IsConcurrencyToken();
            // The inbox: open steps of one nation, soonest due first.
            step.HasIndex(s => new { s.Nation, s.Status, s.DueAt });
            step.HasMany(s => s.Timers).WithOne().HasForeignKey(t => t.StepId);
        });

        model.Entity<WorkflowTimer>(timer =>
        {
            timer.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            // The timer sweep: unfired timers by due time.
            timer.HasIndex(t => new { t.FiredAt, t.CancelledAt, t.DueAt });
        });

        model.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            // The inbox and the bell: one user's notifications, newest first.
            notification.HasIndex(n => new { n.Recipient, n.CreatedAt });
            notification.HasIndex(n => new { n.DigestPending, n.Recipient });
        });

        model.Entity<OutboxMessage>(message =>
        {
            message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            message.HasIndex(m => m.MessageId).IsUnique();
            // The sender's claim: pending messages by when they may next be tried.
            message.HasIndex(m => new { m.Status, m.NextAttemptAt });
            message.HasMany(m => m.History).WithOne().HasForeignKey(a => a.OutboxMessageId);
        });

        model.Entity<StoredDocument>(document =>
        {
            document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            document.HasIndex(d => new { d.Code, d.Kind, d.Version }).IsUnique();
        });

        AuditTrail.Map(model);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: every save writes audit entries in a transaction.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
            return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);

        await using var transaction = await BeginWriteAsync(cancellationToken);
        var written = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// A transaction in which this process is the only writer until it ends, on every node (see
    /// <see cref="WriteTransaction"/>). The audit chain needs one writer at a time (each entry links to the
    /// one before), and the commands rely on it: what they read inside the transaction stays true until they commit.
    /// </summary>
    public Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        WriteTransaction.BeginAsync(Database, writers, cancellationToken);

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        // Changes are detected once: listing the entries and the save itself would each scan every tracked record again.
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var tracked = ChangeTracker.Entries().ToList();
            BumpVersions(tracked);
            var appended = _appended.ToList();
            await AuditTrail.AppendAsync(this, [.. AuditTrail.Changes(this, tracked, AuditedEntities.Model), .. AuditTrail.Added(this, appended, AuditedEntities.Model)],
                auditScope, clock.GetUtcNow(), keyring.Key, cancellationToken);
            await AppendedRows.InsertAsync(this, appended.OfType<Notification>().ToList(), cancellationToken);
            await AppendedRows.InsertAsync(this, appended.OfType<OutboxMessage>().ToList(), cancellationToken);
            _appended.Clear();
            return appended.Count + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = detecting; }
    }

    /// <summary>
    /// A notification to write at the next save. Notifications and mail are only ever appended, never read back in the
    /// same unit of work: they go in as <see cref="AppendedRows"/>, past the change tracker, audited like any other record.
    /// </summary>
    public void Append(Notification notification) => _appended.Add(notification);

    /// <summary>Mail to send, written at the next save (see <see cref="Append(Notification)"/>).</summary>
    public void Append(OutboxMessage message) => _appended.Add(message);

    /// <summary>Forgets what a unit of work that did not commit appended.</summary>
    public void DiscardAppended() => _appended.Clear();

    /// <summary>
    /// Writes a workflow instance just started, its steps and their timers now, in the writer's transaction, past the
    /// change tracker (<see cref="AppendedRows"/>), with their audit entries: a submission opens a step per nation, and
    /// tracking, saving and detecting changes of some 150 records was most of its time under the writer lock. The instance
    /// and steps get their ids, for the records and links that refer to them. The unit of work must not change them afterwards.
    /// </summary>
    public async Task InsertStartedAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        await AppendedRows.InsertAsync(this, [instance], cancellationToken, readIds: true);
        foreach (var step in instance.Steps) step.InstanceId = instance.Id;
        await AppendedRows.InsertAsync(this, instance.Steps, cancellationToken, readIds: true);
        var timers = new List<WorkflowTimer>();
        foreach (var step in instance.Steps)
            foreach (var timer in step.Timers)
            {
                timer.StepId = step.Id;
                timers.Add(timer);
            }
        // Nothing refers to a timer: its id stays the database's.
        await AppendedRows.InsertAsync(this, timers, cancellationToken);
        await AuditTrail.AppendAsync(this, AuditTrail.Added(this, [instance, .. instance.Steps, .. timers], AuditedEntities.Model).ToList(),
            auditScope, clock.GetUtcNow(), keyring.Key, cancellationToken);
    }

    private static void BumpVersions(IEnumerable<EntityEntry> changes)
    {
        foreach (var entry in changes.Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty("Version") is { IsConcurrencyToken: true })
            {
                var version = entry.Property("Version");
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    private static readonly ValueConverter<ProposalContent, string> ContentConverter = new(
        content => ContentText.Of(content),
        text => ContentText.Read(text));

    // Content is immutable and replaced as a whole, so a changed reference means a changed value.
    private static readonly ValueComparer<ProposalContent> ContentComparer = new(
        (a, b) => ReferenceEquals(a, b), content => content.Code.GetHashCode(), content => content);

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
