using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Issue 15, engine round six: the journal becomes one row per pass, its events a JSON array (the runtime's
    /// <c>JournalJson</c>). Every stored event row is converted in place into a row of one event (same id, instance,
    /// sequence and time), so existing instances keep their whole journal in order; then the per-event columns go.
    /// </summary>
    public partial class PerfEngine6Journal : Migration
    {
        private static readonly string[] EventColumns = ["ActivityId", "NodeId", "ActivityType", "ActivityName", "EventName", "Message", "Error"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EntriesJson",
                table: "WorkflowJournal",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "EntryCount",
                table: "WorkflowJournal",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "WorkflowJournal" SET "EntryCount" = 1, "EntriesJson" = json_build_array(json_strip_nulls(json_build_object(
                    'a', "ActivityId", 'n', "NodeId", 't', "ActivityType", 'an', "ActivityName", 'e', "EventName", 'm', "Message", 'er', "Error")))::text;
                """);

            foreach (var column in EventColumns)
                migrationBuilder.DropColumn(name: column, table: "WorkflowJournal");
        }

        /// <summary>Back to one row per event; each event takes its row's time (the offsets within a pass are dropped).</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_WorkflowJournal_InstanceId_Sequence", table: "WorkflowJournal");
            foreach (var column in EventColumns)
                migrationBuilder.AddColumn<string>(name: column, table: "WorkflowJournal", type: "text", nullable: true);

            migrationBuilder.Sql("""
                INSERT INTO "WorkflowJournal" ("InstanceId", "Sequence", "ActivityId", "NodeId", "ActivityType", "ActivityName", "EventName",
                    "Message", "Error", "TimestampUtc", "EntriesJson", "EntryCount")
                SELECT j."InstanceId", j."Sequence" + e.n - 1, coalesce(e.v->>'a', ''), coalesce(e.v->>'n', ''), coalesce(e.v->>'t', ''),
                    e.v->>'an', coalesce(e.v->>'e', ''), e.v->>'m', e.v->>'er', j."TimestampUtc", '[]', 0
                FROM "WorkflowJournal" j CROSS JOIN LATERAL json_array_elements(j."EntriesJson"::json) WITH ORDINALITY AS e(v, n)
                WHERE j."EntryCount" > 0
                ORDER BY j."Id", e.n;
                DELETE FROM "WorkflowJournal" WHERE "EntryCount" > 0;
                """);

            foreach (var column in new[] { "ActivityId", "NodeId", "ActivityType", "EventName" })
                migrationBuilder.AlterColumn<string>(name: column, table: "WorkflowJournal", type: "text", nullable: false, oldClrType: typeof(string),
                    oldType: "text", oldNullable: true);
            migrationBuilder.DropColumn(name: "EntriesJson", table: "WorkflowJournal");
            migrationBuilder.DropColumn(name: "EntryCount", table: "WorkflowJournal");
            migrationBuilder.CreateIndex(name: "IX_WorkflowJournal_InstanceId_Sequence", table: "WorkflowJournal",
                columns: new[] { "InstanceId", "Sequence" }, unique: true);
        }
    }
}
