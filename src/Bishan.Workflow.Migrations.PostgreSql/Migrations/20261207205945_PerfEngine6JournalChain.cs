using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Issue 15, engine round six: the journal loses its index on (InstanceId, Sequence), which took one entry per pass in the
    /// middle of the instance's range (one to two pages written per pass). An instance's rows become a chain read by key:
    /// <c>WorkflowInstances.LastJournalId</c> names the newest row, <c>WorkflowJournal.PreviousId</c> the one before.
    /// </summary>
    public partial class PerfEngine6JournalChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PreviousId",
                table: "WorkflowJournal",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastJournalId",
                table: "WorkflowInstances",
                type: "bigint",
                nullable: true);

            // Link the stored rows (one per pass or, converted by PerfEngine6Journal, one per event): each row to the row of
            // the same instance just before it, each instance to its newest row. The index used for this goes last.
            migrationBuilder.Sql("""
                UPDATE "WorkflowJournal" SET "PreviousId" = (SELECT p."Id" FROM "WorkflowJournal" p
                    WHERE p."InstanceId" = "WorkflowJournal"."InstanceId" AND p."Sequence" < "WorkflowJournal"."Sequence"
                    ORDER BY p."Sequence" DESC LIMIT 1);
                """);
            migrationBuilder.Sql("""
                UPDATE "WorkflowInstances" SET "LastJournalId" = (SELECT j."Id" FROM "WorkflowJournal" j
                    WHERE j."InstanceId" = "WorkflowInstances"."Id" ORDER BY j."Sequence" DESC LIMIT 1);
                """);

            migrationBuilder.DropIndex(
                name: "IX_WorkflowJournal_InstanceId_Sequence",
                table: "WorkflowJournal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousId",
                table: "WorkflowJournal");

            migrationBuilder.DropColumn(
                name: "LastJournalId",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournal_InstanceId_Sequence",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "Sequence" },
                unique: true);
        }
    }
}
